#!/usr/bin/env bats
# Documentation and packaging: the manual pages and the completions agree
# with each command's --help, the pages are lint-clean, every shell file of
# the tree is shellcheck-clean, and "meson install" puts everything in place.

load helpers

COMMANDS="ipcs ipcmk ipcrm lsipc ipcbox ipcbox-send ipcbox-receive ipcbox-sem ipcbox-read ipcbox-write ipcbox-set"

# cmd_run CMD ARGS...: run CMD, an "ipcbox-X" page name as "ipcbox X".
cmd_run() {
	local cmd=$1
	shift
	case $cmd in
	ipcbox-*) "$BUILD/ipcbox" "${cmd#ipcbox-}" "$@" ;;
	*) "$BUILD/$cmd" "$@" ;;
	esac
}

# help_longs CMD / help_shorts CMD: the options CMD's --help lists.
help_longs() {
	cmd_run "$1" --help | grep -oE -- '--[a-z][a-z-]*' | LC_ALL=C sort -u
}
help_shorts() {
	cmd_run "$1" --help | grep -oE -- '^ +-[A-Za-z],' | tr -d ' ,' | LC_ALL=C sort -u
}

# usage_lines CMD: the lines between "Usage:" and the next blank line.
usage_lines() {
	cmd_run "$1" --help | awk '/^Usage:/ { on = 1; next } on && /^$/ { exit } on { sub(/^ +/, ""); print }'
}

# man_text CMD: the rendered page, without overstrike, one long line per
# paragraph.
man_text() {
	command -v mandoc >/dev/null || skip "mandoc not installed"
	mandoc -Tascii -Owidth=400 "$SRC/man/$1.1" | sed 's/.\x08//g'
}

# has_token TEXT WORD: WORD appears in TEXT, not as part of a longer option
# (bash's own matching: these loops test some 200 options).
has_token() {
	local re="(^|[^[:alnum:]-])$2([^[:alnum:]-]|\$)"
	[[ $1 =~ $re ]]
}

# in_lines LINES WORD: WORD is one of LINES.
in_lines() {
	[[ $'\n'$1$'\n' == *$'\n'"$2"$'\n'* ]]
}

# bash_text CMD: what the bash completion offers CMD as options.
bash_text() {
	# shellcheck source=/dev/null
	source "$SRC/completions/bash/ipcbox"
	if [ "$1" = ipcbox ]; then
		declare -f _ipcbox_complete_ipcbox
	else
		local -n arr="_ipcbox_${1#ipcbox-}_opts"
		printf '%s\n' "${arr[@]}"
	fi
}

# zsh_text CMD: the zsh function that completes CMD, with the argument
# markers of _arguments specs (-a- -i+) taken off the option names.
zsh_text() {
	awk -v f="__ipcbox_${1#ipcbox-}() {" '$0 == f { on = 1 } on { print } on && /^}/ { exit }' \
		"$SRC/completions/zsh/_ipcbox" | sed -E 's/(^|[^[:alnum:]-])(-[A-Za-z])[-+]/\1\2 /g'
}

# fish_lines CMD: the "complete" lines of CMD (ipcbox-X: ipcbox's after the word X).
fish_lines() {
	case $1 in
	ipcbox-*) grep -F "complete -c ipcbox -n '__fish_seen_subcommand_from ${1#ipcbox-}' " "$SRC/completions/fish/ipcbox.fish" ;;
	*) grep -E "^complete -c $1 " "$SRC/completions/fish/ipcbox.fish" ;;
	esac
}

# fish_longs CMD / fish_shorts CMD: the options fish completes for CMD.
fish_longs() {
	fish_lines "$1" |
		grep -oE -- ' -l [a-z][a-z-]*' | sed 's/ -l /--/' | LC_ALL=C sort -u
}
fish_shorts() {
	fish_lines "$1" |
		grep -oE -- ' -s [A-Za-z]' | sed 's/ -s /-/' | LC_ALL=C sort -u
}

@test "every --help lists options (the derivation below sees them)" {
	[ "$(help_longs ipcs | wc -l)" -ge 14 ]
	[ "$(help_longs ipcmk | wc -l)" -ge 14 ]
	[ "$(help_longs ipcrm | wc -l)" -ge 13 ]
	[ "$(help_longs ipcbox | paste -sd' ')" = "--help --list --version" ]
	help_longs ipcs | grep -qx -- --semaphores
	help_shorts ipcrm | grep -qx -- -S
}

@test "every option of --help is in the manual page" {
	local cmd opt text missing=""
	for cmd in $COMMANDS; do
		text=$(man_text "$cmd")
		for opt in $(help_longs "$cmd") $(help_shorts "$cmd"); do
			has_token "$text" "$opt" || missing+=" $cmd.1:$opt"
		done
	done
	[ -z "$missing" ] || { echo "missing from the manual pages:$missing"; return 1; }
}

@test "every option of --help is in the bash completion" {
	local cmd opt text missing=""
	for cmd in $COMMANDS; do
		text=$(bash_text "$cmd")
		for opt in $(help_longs "$cmd") $(help_shorts "$cmd"); do
			has_token "$text" "$opt" || missing+=" $cmd:$opt"
		done
	done
	[ -z "$missing" ] || { echo "missing from the bash completion:$missing"; return 1; }
}

@test "every option of --help is in the zsh completion" {
	local cmd opt text missing=""
	for cmd in $COMMANDS; do
		text=$(zsh_text "$cmd")
		[ -n "$text" ]
		for opt in $(help_longs "$cmd") $(help_shorts "$cmd"); do
			has_token "$text" "$opt" || missing+=" $cmd:$opt"
		done
	done
	[ -z "$missing" ] || { echo "missing from the zsh completion:$missing"; return 1; }
}

@test "every option of --help is in the fish completion" {
	local cmd opt longs shorts missing=""
	for cmd in $COMMANDS; do
		longs=$(fish_longs "$cmd") shorts=$(fish_shorts "$cmd")
		for opt in $(help_longs "$cmd"); do
			in_lines "$longs" "$opt" || missing+=" $cmd:$opt"
		done
		for opt in $(help_shorts "$cmd"); do
			in_lines "$shorts" "$opt" || missing+=" $cmd:$opt"
		done
	done
	[ -z "$missing" ] || { echo "missing from the fish completion:$missing"; return 1; }
}

@test "the completions offer no option that --help does not know" {
	local cmd opt known extra=""
	for cmd in ipcs ipcmk ipcrm lsipc; do
		known=$(help_longs "$cmd"; help_shorts "$cmd")
		for opt in $(bash_text "$cmd") $(fish_longs "$cmd") $(fish_shorts "$cmd"); do
			opt=${opt%=}
			in_lines "$known" "$opt" || extra+=" $cmd:$opt"
		done
	done
	[ -z "$extra" ] || { echo "offered but unknown to --help:$extra"; return 1; }
}

# --- One set of long options in every place -------------------------------
# Each command's options are declared once in C (src/*-args.c, the table of
# src/cmdline.h); the manual page and the three completions are written by
# hand.  set_* CMD print the long options each place knows, one a line,
# sorted; CMD is ipcs, ipcmk, ipcrm, ipcbox, or a subcommand of ipcbox:
# ftok (documented in ipcbox.1), send, receive, sem, read, write, set (ipcbox-send.1 ...).

# set_help CMD: the option lines of CMD's --help (" -x, --name" or "     --name").
set_help() {
	local -a prog=("$BUILD/$1")
	case $1 in ftok | send | receive | sem | read | write | set) prog=("$BUILD/ipcbox" "$1") ;; esac
	"${prog[@]}" --help | grep -oE -- '^ +(-[A-Za-z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+' | LC_ALL=C sort -u
}

# set_man CMD: the tags of the OPTIONS section of CMD's page (ipcbox.1 for
# ftok: its subsection "ftok"; the rest of the section is ipcbox's own).
set_man() {
	local page=$1 ftok=0
	[ "$1" != ftok ] || { page=ipcbox; ftok=1; }
	case $1 in send | receive | sem | read | write | set) page=ipcbox-$1 ;; esac
	awk -v ftok=$ftok '
		/^\.SH / { on = $0 ~ /^\.SH OPTIONS/; sub_ftok = 0; prev = ""; next }
		/^\.SS / { sub_ftok = $0 ~ /ftok/; prev = ""; next }
		on && prev == ".TP" && sub_ftok == ftok { print }
		{ prev = $0 }' "$SRC/man/$page.1" |
		sed 's/\\-/-/g' | grep -oE -- '--[a-z][a-z-]*' | LC_ALL=C sort -u
}

# set_bash CMD: the options the bash completion offers (an array per
# command; ipcbox's own in its function, before the subcommands).
set_bash() {
	# shellcheck source=/dev/null
	source "$SRC/completions/bash/ipcbox"
	if [ "$1" = ipcbox ]; then
		declare -f _ipcbox_complete_ipcbox | sed '/local cmd=/q'
	else
		local -n arr="_ipcbox_$1_opts"
		printf '%s\n' "${arr[@]}"
	fi | grep -oE -- '--[a-z][a-z-]*' | LC_ALL=C sort -u
}

# set_zsh CMD: the option specs of CMD's _arguments, without the
# descriptions ([...]) and exclusion lists ((...)), which name options too.
set_zsh() {
	local fn=$1
	[ "$1" != ftok ] || fn=ipcbox
	awk -v f="__ipcbox_$fn() {" '$0 == f { on = 1 } on { print } on && /^}/ { exit }' \
		"$SRC/completions/zsh/_ipcbox" |
		if [ "$1" = ftok ]; then sed -n '/^ *ftok)$/,/;;$/p'
		elif [ "$1" = ipcbox ]; then sed '/case .state in/q'
		else cat; fi |
		grep -v '^ *local out=' | sed -E 's/\[[^]]*\]//g; :a; s/\([^()]*\)//g; ta' |
		grep -oE -- '--[a-z][a-z-]*' | LC_ALL=C sort -u
}

# set_fish CMD: the -l options of CMD's "complete" lines (ipcbox's own are
# offered as the first argument, ftok's after the word ftok).
set_fish() {
	local cmd=$1 cond=""
	case $1 in
	ipcbox) cond=' -n __fish_is_first_arg ' ;;
	ftok | send | receive | sem | read | write | set) cmd=ipcbox cond="__fish_seen_subcommand_from $1'" ;;
	esac
	grep -E "^complete -c $cmd " "$SRC/completions/fish/ipcbox.fish" | grep -F -- "$cond" |
		grep -oE -- ' -l [a-z][a-z-]*' | sed 's/ -l /--/' | LC_ALL=C sort -u
}

@test "--help, the manual page's OPTIONS and each completion list the same long options" {
	local cmd place want got diffs=""
	for cmd in ipcs ipcmk ipcrm lsipc ipcbox ftok send receive sem read write set; do
		want=$(set_help "$cmd")
		[ "$(wc -l <<<"$want")" -ge 3 ] || { echo "$cmd --help: too few options: $want"; return 1; }
		for place in man bash zsh fish; do
			got=$("set_$place" "$cmd")
			[ "$got" = "$want" ] && continue
			diffs+=$(LC_ALL=C comm -3 <(echo "$want") <(echo "$got" | sed "/^$/d") |
				sed -E "s/^\t(.*)/$cmd: $place has \1, --help does not/; s/^(--.*)/$cmd: --help has \1, $place does not/")$'\n'
		done
	done
	[ -z "$diffs" ] || { printf 'the options disagree:\n%s' "$diffs"; return 1; }
}

@test "SYNOPSIS of each manual page is the usage of --help, word for word" {
	local cmd want got
	for cmd in $COMMANDS; do
		want=$(usage_lines "$cmd" | tr -s ' ')
		[ -n "$want" ]
		got=$(man_text "$cmd" | awk '/^SYNOPSIS$/ { on = 1; next } on && /^[A-Z]/ { exit } on && NF { sub(/^ +/, ""); print }' | tr -s ' ')
		if [ "$got" != "$want" ]; then
			echo "$cmd: --help usage:"; echo "$want"
			echo "$cmd.1 SYNOPSIS:"; echo "$got"
			return 1
		fi
	done
}

@test "each manual page has the sections users look for" {
	local cmd text section missing=""
	for cmd in $COMMANDS; do
		text=$(man_text "$cmd")
		for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" FILES EXAMPLES \
			"DIFFERENCES FROM UTIL-LINUX" "SEE ALSO"; do
			grep -qx -- "$section" <<<"$text" || missing+=" $cmd.1:'$section'"
		done
	done
	[ -z "$missing" ] || { echo "missing sections:$missing"; return 1; }
	# The files the tools read are named where they are read.
	text=$(man_text ipcs)
	for f in /proc/sysvipc/shm /proc/sys/kernel/shmmax /dev/shm /dev/mqueue; do
		grep -qF -- "$f" <<<"$text"
	done
}

@test "mandoc -Tlint reports nothing for any page" {
	command -v mandoc >/dev/null || skip "mandoc not installed"
	local cmd
	for cmd in $COMMANDS; do
		run mandoc -Tlint -W all "$SRC/man/$cmd.1"
		[ "$status" -eq 0 ]
		[ "$output" = "" ]
	done
}

@test "man -l renders each page" {
	command -v man >/dev/null || skip "man not installed"
	local cmd
	for cmd in $COMMANDS; do
		run env MANWIDTH=80 MAN_KEEP_FORMATTING= man -l "$SRC/man/$cmd.1"
		[ "$status" -eq 0 ]
		[[ "$output" == *NAME* ]]
		[[ "$output" == *"$cmd"* ]]
	done
}

# shell_files: every shell script of the tree that bash or sh runs.
shell_files() {
	local f
	for f in "$SRC"/tests/*.bash "$SRC"/tests/* "$SRC"/.ci/* "$SRC"/bench/* \
		"$SRC"/bench/*/* "$SRC/completions/bash/ipcbox"; do
		[ -f "$f" ] && [ ! -L "$f" ] || continue
		case $f in
		*.bats) continue ;;
		*.bash | */completions/bash/ipcbox) ;;
		*) head -n 1 "$f" | grep -qE '^#!.*[/ ](ba)?sh( |$)' || continue ;;
		esac
		printf '%s\n' "$f"
	done | LC_ALL=C sort -u
}

@test "shellcheck is clean for every shell file in the tree" {
	command -v shellcheck >/dev/null || skip "shellcheck not installed"
	local files
	mapfile -t files < <(shell_files)
	# The scripts are there and found.
	printf '%s\n' "${files[@]}" | grep -q '/tests/ns-run$'
	printf '%s\n' "${files[@]}" | grep -q '/tests/helpers.bash$'
	printf '%s\n' "${files[@]}" | grep -q '/completions/bash/ipcbox$'
	run shellcheck -x "${files[@]}"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "zsh and fish completions parse" {
	if command -v zsh >/dev/null; then
		run zsh -n "$SRC/completions/zsh/_ipcbox"
		[ "$status" -eq 0 ]
		[ "$output" = "" ]
		[ "$(head -n 1 "$SRC/completions/zsh/_ipcbox")" = "#compdef ipcs ipcmk ipcrm lsipc ipcbox" ]
	fi
	if command -v fish >/dev/null; then
		run fish --no-execute "$SRC/completions/fish/ipcbox.fish"
		[ "$status" -eq 0 ]
		[ "$output" = "" ]
	fi
	command -v zsh >/dev/null || command -v fish >/dev/null || skip "neither zsh nor fish installed"
}

@test "README gives the exact test command that CI runs" {
	local line='meson test -C build --print-errorlogs && meson setup build-asan -Db_sanitize=address,undefined && meson test -C build-asan --print-errorlogs'
	grep -qxF -- "$line" "$SRC/README.md"
	# .ci/run takes both quick-start commands from the README: the second must
	# be this line, the first must build into "build".
	run bash "$SRC/.ci/run" --dry-run
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[1]}" = "$line" ]
	[[ "${lines[0]}" == *"apt-get install"*"meson setup build &&"* ]]
}

# quick_start_with STUBS...: runs the README's first command in a scratch
# directory whose PATH has only stubs named STUBS (each logs its arguments),
# as CI's shell runs it (set -euo pipefail).  Prints the log.
quick_start_with() {
	local dir=$BATS_TEST_TMPDIR/qs cmd
	rm -rf "$dir" && mkdir -p "$dir/bin" "$dir/work/build"
	for cmd in apt-get meson systemctl "$@"; do
		printf '#!/bin/sh\necho "%s $*" >>"%s/log"\n' "$cmd" "$dir" >"$dir/bin/$cmd"
		chmod +x "$dir/bin/$cmd"
	done
	# sudo runs its command, as the real one does for root.
	[ -x "$dir/bin/sudo" ] && printf '#!/bin/sh\necho "sudo $*" >>"%s/log"\nexec "$@"\n' "$dir" >"$dir/bin/sudo"
	printf '#!/bin/sh\necho ipcs >>"%s/log"\n' "$dir" >"$dir/work/build/ipcs"
	chmod +x "$dir/work/build/ipcs"
	bash "$SRC/.ci/run" --dry-run | head -n 1 >"$dir/line"
	(cd "$dir/work" && PATH="$dir/bin:/usr/bin:/bin" BASH_ENV='' bash -euo pipefail -c "$(cat "$dir/line")" &&
		cat "$dir/log")
}

@test "README's first command works as root without sudo, and with sudo (issue 29 item 23)" {
	# No sudo on PATH: /usr/bin has none on a minimal Debian; hide it if it is there.
	[ ! -e /usr/bin/sudo ] && [ ! -e /bin/sudo ] || skip "sudo is installed in /usr/bin: cannot hide it"
	run quick_start_with
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "apt-get update" ]
	[[ "${lines[1]}" == "apt-get install -y --no-install-recommends "* ]]
	[ "${lines[2]}" = "meson setup build" ]
	[ "${lines[3]}" = "meson compile -C build" ]
	[ "${lines[4]}" = "ipcs" ]
	[ "${#lines[@]}" -eq 5 ]
	run quick_start_with sudo
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "sudo apt-get update" ]
	[ "${lines[1]}" = "apt-get update" ]
	[[ "${lines[2]}" == "sudo apt-get install -y "* ]]
}

@test "README's first command stops the services it installs on a systemd host (issue 29 item 23)" {
	# The same line, with /run/systemd/system made to exist for it.
	local line
	line=$(bash "$SRC/.ci/run" --dry-run | head -n 1)
	[[ "$line" == *"apt-get install"*" prometheus prometheus-node-exporter "*"&& { [ ! -d /run/systemd/system ] || \$S systemctl disable --now prometheus prometheus-node-exporter; } && meson setup build"* ]]
}

@test "README's tour prompt and locale line work as written (issue 29 items 24, 25)" {
	grep -qF 'PS1="[ipcbox-tour] # " exec bash --norc' "$SRC/README.md"
	grep -qF 'Keys made without' "$SRC/README.md"
	# Every localedef line makes its output directory first.
	run grep -E 'localedef .*/tmp/loc' "$SRC/README.md"
	[ "${#lines[@]}" -ge 1 ]
	for l in "${lines[@]}"; do
		[[ "$l" == *"mkdir -p /tmp/loc && localedef"* ]]
	done
	grep -qF '(#translations)' <(sed -n '1,/^## A short tour/p' "$SRC/README.md")
}

@test "no test asserts with '[ a ] && [ b ]' (set -e ignores all but the last part)" {
	# Inside @test blocks only: helper functions use && for their status.
	run awk '/^@test .*\{$/ { t = 1; next } t && /^}$/ { t = 0 } t && /^\t+\[.*\] && \[.*\]$/ && !/\|\|/ { print FILENAME ":" FNR ": " $0 }' "$SRC"/tests/*.bats
	[ "$status" = 0 ]
	[ "$output" = "" ]
}

@test "meson install puts every file in its standard place" {
	command -v meson >/dev/null || skip "meson not installed"
	local dest=$BATS_TEST_TMPDIR/dest
	run meson install -C "$BUILD" --no-rebuild --destdir "$dest"
	echo "$output"
	[ "$status" -eq 0 ]
	local prefix bindir mandir datadir
	prefix=$(meson introspect "$BUILD" --buildoptions | grep -oE '"name": "prefix", "value": "[^"]*"' | sed 's/.*"value": "//; s/"$//')
	[ -n "$prefix" ]
	bindir=$dest$prefix/bin
	[ -x "$bindir/ipcbox" ]
	[ ! -L "$bindir/ipcbox" ]
	for cmd in ipcs ipcmk ipcrm lsipc; do
		[ "$(readlink "$bindir/$cmd")" = ipcbox ]
	done
	for cmd in $COMMANDS; do
		cmp "$SRC/man/$cmd.1" "$(find "$dest" -path "*/share/man/man1/$cmd.1")"
	done
	# bash: the directory bash-completion's pkg-config file names, moved under
	# our prefix (or the usual one under datadir without it).
	datadir=$dest$prefix/share
	cmp "$SRC/completions/bash/ipcbox" "$datadir/bash-completion/completions/ipcbox"
	cmp "$SRC/completions/fish/ipcbox.fish" "$datadir/fish/vendor_completions.d/ipcbox.fish"
	cmp "$SRC/completions/zsh/_ipcbox" "$datadir/zsh/site-functions/_ipcbox"
	for cmd in ipcs ipcmk ipcrm lsipc; do
		[ "$(readlink "$datadir/bash-completion/completions/$cmd")" = ipcbox ]
		[ "$(readlink "$datadir/fish/vendor_completions.d/$cmd.fish")" = ipcbox.fish ]
	done
	# One catalogue per language of po/LINGUAS, when gettext's tools were there.
	local lang catalogues=0
	while read -r lang; do
		[ -n "$lang" ] && [ -f "$BUILD/po/$lang/LC_MESSAGES/ipcbox.mo" ] || continue
		cmp "$BUILD/po/$lang/LC_MESSAGES/ipcbox.mo" "$datadir/locale/$lang/LC_MESSAGES/ipcbox.mo"
		catalogues=$((catalogues + 1))
	done <"$SRC/po/LINGUAS"
	# Nothing else, nowhere else.
	[ "$(find "$dest" -type f -o -type l | wc -l)" -eq $((27 + catalogues)) ]
}
