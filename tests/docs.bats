#!/usr/bin/env bats
# Documentation and packaging: the manual pages and the completions agree
# with each command's --help, the pages are lint-clean, every shell file of
# the tree is shellcheck-clean, and "meson install" puts everything in place.

load helpers

COMMANDS="ipcs ipcmk ipcrm lsipc ipcbox"

# help_longs CMD / help_shorts CMD: the options CMD's --help lists.
help_longs() {
	"$BUILD/$1" --help | grep -oE -- '--[a-z][a-z-]*' | LC_ALL=C sort -u
}
help_shorts() {
	"$BUILD/$1" --help | grep -oE -- '^ +-[A-Za-z],' | tr -d ' ,' | LC_ALL=C sort -u
}

# usage_lines CMD: the lines between "Usage:" and the next blank line.
usage_lines() {
	"$BUILD/$1" --help | awk '/^Usage:/ { on = 1; next } on && /^$/ { exit } on { sub(/^ +/, ""); print }'
}

# man_text CMD: the rendered page, without overstrike, one long line per
# paragraph.
man_text() {
	command -v mandoc >/dev/null || skip "mandoc not installed"
	mandoc -Tascii -Owidth=400 "$SRC/man/$1.1" | sed 's/.\x08//g'
}

# has_token TEXT WORD: WORD appears in TEXT, not as part of a longer option.
has_token() {
	grep -qE -- "(^|[^[:alnum:]-])$2([^[:alnum:]-]|$)" <<<"$1"
}

# bash_text CMD: what the bash completion offers CMD as options.
bash_text() {
	# shellcheck source=/dev/null
	source "$SRC/completions/bash/ipcbox"
	if [ "$1" = ipcbox ]; then
		declare -f _ipcbox_complete_ipcbox
	else
		local -n arr="_ipcbox_$1_opts"
		printf '%s\n' "${arr[@]}"
	fi
}

# zsh_text CMD: the zsh function that completes CMD, with the argument
# markers of _arguments specs (-a- -i+) taken off the option names.
zsh_text() {
	awk -v f="__ipcbox_$1() {" '$0 == f { on = 1 } on { print } on && /^}/ { exit }' \
		"$SRC/completions/zsh/_ipcbox" | sed -E 's/(^|[^[:alnum:]-])(-[A-Za-z])[-+]/\1\2 /g'
}

# fish_longs CMD / fish_shorts CMD: the options fish completes for CMD.
fish_longs() {
	grep -E "^complete -c $1 " "$SRC/completions/fish/ipcbox.fish" |
		grep -oE -- ' -l [a-z][a-z-]*' | sed 's/ -l /--/' | LC_ALL=C sort -u
}
fish_shorts() {
	grep -E "^complete -c $1 " "$SRC/completions/fish/ipcbox.fish" |
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
	local cmd opt missing=""
	for cmd in $COMMANDS; do
		for opt in $(help_longs "$cmd"); do
			fish_longs "$cmd" | grep -qx -- "$opt" || missing+=" $cmd:$opt"
		done
		for opt in $(help_shorts "$cmd"); do
			fish_shorts "$cmd" | grep -qx -- "$opt" || missing+=" $cmd:$opt"
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
			grep -qx -- "$opt" <<<"$known" || extra+=" $cmd:$opt"
		done
	done
	[ -z "$extra" ] || { echo "offered but unknown to --help:$extra"; return 1; }
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
	[ -x "$bindir/ipcbox" ] && [ ! -L "$bindir/ipcbox" ]
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
	[ "$(find "$dest" -type f -o -type l | wc -l)" -eq $((21 + catalogues)) ]
}
