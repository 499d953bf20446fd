#!/usr/bin/env bats
# Message catalogues (po/): the template holds every marked string of the
# sources, the catalogues compile, and a locale without a catalogue prints
# exactly what the C locale prints.

load helpers

# xgettext_args: the xgettext arguments of po/meson.build, one per line.
xgettext_args() {
	sed -n '/^xgettext_args = \[/,/^\]/p' "$SRC/po/meson.build" |
		grep -o "'--[^']*'" | tr -d "'" | grep -v -- '^--package-version='
}

@test "po/POTFILES names every source file with marked strings" {
	local f missing=
	for f in "$SRC"/src/*.c; do
		grep -qE '\b(_|N_|P_)\(' "$f" || continue
		grep -qxF "src/${f##*/}" "$SRC/po/POTFILES" || missing+=" src/${f##*/}"
	done
	[ -z "$missing" ] || { echo "not in po/POTFILES:$missing"; false; }
}

@test "po/ipcbox.pot is up to date (meson compile -C build ipcbox-pot)" {
	command -v xgettext >/dev/null || skip "xgettext not installed (Debian: gettext)"
	command -v msgcmp >/dev/null || skip "msgcmp not installed (Debian: gettext)"
	local fresh=$BATS_TEST_TMPDIR/fresh.pot args
	mapfile -t args < <(xgettext_args)
	[ "${#args[@]}" -gt 3 ]
	(cd "$SRC" && xgettext "${args[@]}" -f po/POTFILES -o "$fresh")
	# Every msgid of the sources is in the template, and nothing else is.
	run msgcmp --use-untranslated "$SRC/po/ipcbox.pot" "$fresh"
	[ "$status" -eq 0 ] || { echo "missing from po/ipcbox.pot: run meson compile -C build ipcbox-pot"; echo "$output"; false; }
	run msgcmp --use-untranslated "$fresh" "$SRC/po/ipcbox.pot"
	[ "$status" -eq 0 ] || { echo "stale in po/ipcbox.pot: run meson compile -C build ipcbox-pot"; echo "$output"; false; }
}

@test "every catalogue of po/LINGUAS compiles and is built for the uninstalled program" {
	command -v msgfmt >/dev/null || skip "msgfmt not installed (Debian: gettext)"
	local lang
	while read -r lang; do
		[ -n "$lang" ] || continue
		msgfmt --check -o /dev/null "$SRC/po/$lang.po"
		[ -f "$BUILD/po/$lang/LC_MESSAGES/ipcbox.mo" ]
	done <"$SRC/po/LINGUAS"
}

@test "a locale with no catalogue prints what the C locale prints" {
	locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' || skip "no C.UTF-8 locale"
	local line cmd c u
	for line in "ipcs --help" "ipcmk --help" "ipcrm --help" "ipcbox --help" "ipcs -l" "ipcs -t" \
		"ipcs --posix -u" "ipcs -g" "ipcmk -Z" "ipcrm -m x"; do
		read -ra cmd <<<"$line"
		cmd[0]=$BUILD/${cmd[0]}
		c=$(LC_ALL=C "${cmd[@]}" 2>&1; echo "rc=$?")
		# xx: a language no catalogue exists for, through the build's catalogues
		u=$(LC_ALL=C.UTF-8 LANGUAGE=xx IPCBOX_LOCALEDIR="$BUILD/po" "${cmd[@]}" 2>&1; echo "rc=$?")
		[ "$c" = "$u" ] || { echo "differs: $line"; diff <(echo "$c") <(echo "$u"); false; }
	done
}

@test "IPCBOX_LOCALEDIR is read only by the binary in its build tree: a copy elsewhere ignores it" {
	# Issue 24.10: root's environment chose the catalogue (translated format
	# strings) of any ipcbox.  LANGUAGE=ko under C.UTF-8 asks for Korean.
	locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' || skip "no C.UTF-8 locale"
	[ -f "$BUILD/po/ko/LC_MESSAGES/ipcbox.mo" ] || skip "no Korean catalogue built (msgfmt not installed)"
	local bin=$BATS_TEST_TMPDIR/bin plain copy build
	mkdir "$bin"
	cp "$BUILD/ipcbox" "$bin/ipcbox"
	ln -s ipcbox "$bin/ipcs"
	plain=$(LC_ALL=C.UTF-8 LANGUAGE=ko "$bin/ipcs" --help)
	copy=$(LC_ALL=C.UTF-8 LANGUAGE=ko IPCBOX_LOCALEDIR="$BUILD/po" "$bin/ipcs" --help)
	build=$(LC_ALL=C.UTF-8 LANGUAGE=ko IPCBOX_LOCALEDIR="$BUILD/po" "$BUILD/ipcs" --help)
	[ "$copy" = "$plain" ] || { diff <(echo "$plain") <(echo "$copy") | head; false; }
	[[ $copy != *사용법* ]]
	# The build tree's binary still reads it (the tests below rely on that),
	# also through a link from elsewhere (/proc/self/exe is the build's).
	[[ $build == *사용법* ]]
	mkdir "$bin/l"
	ln -s "$BUILD/ipcbox" "$bin/l/ipcs"
	[[ $(LC_ALL=C.UTF-8 LANGUAGE=ko IPCBOX_LOCALEDIR="$BUILD/po" "$bin/l/ipcs" --help) == *사용법* ]]
}

# --- Korean (ko_KR.UTF-8) and other UTF-8 locales ---------------------------
# The locales are generated into a temporary directory (LOCPATH): no root,
# nothing installed.  Debian: localedef is in libc-bin, the locale sources in
# the package locales.

setup_file() {
	LOCALES=$BATS_FILE_TMPDIR/locales
	KO_SKIP= DE_SKIP=
	mkdir -p "$LOCALES"
	if ! command -v localedef >/dev/null; then
		KO_SKIP="localedef not installed (Debian: libc-bin)"
	elif [ ! -f /usr/share/i18n/locales/ko_KR ]; then
		KO_SKIP="no /usr/share/i18n/locales/ko_KR to generate ko_KR.UTF-8 from (Debian: locales)"
	elif ! localedef -i ko_KR -f UTF-8 "$LOCALES/ko_KR.UTF-8" 2>/dev/null; then
		KO_SKIP="localedef -i ko_KR -f UTF-8 failed"
	elif ! command -v gettext >/dev/null || ! command -v ngettext >/dev/null; then
		KO_SKIP="gettext(1) not installed (Debian: gettext-base)"
	fi
	# German: a language ipcbox has no catalogue for.
	if [ ! -f /usr/share/i18n/locales/de_DE ] || ! command -v localedef >/dev/null ||
		! localedef -i de_DE -f UTF-8 "$LOCALES/de_DE.UTF-8" 2>/dev/null; then
		DE_SKIP="cannot generate de_DE.UTF-8 (Debian: locales)"
	fi
	export LOCALES KO_SKIP DE_SKIP
}

# Every test of the file runs in the private namespace: start from nothing.
setup() {
	require_ns
	reset_ipc
}

teardown() {
	[ "${IPCBOX_IN_NS:-}" != 1 ] || reset_ipc
}

need_ko() {
	[ -z "$KO_SKIP" ] || skip "$KO_SKIP"
}

# in_locale LOCALE CMD ARGS...: one of our programs in LOCALE, with the build's catalogues.
in_locale() {
	local loc=$1 cmd=$2
	shift 2
	LOCPATH=$LOCALES LANG=$loc LC_ALL=$loc LANGUAGE= IPCBOX_LOCALEDIR=$BUILD/po "$BUILD/$cmd" "$@"
}
KO() { in_locale ko_KR.UTF-8 "$@"; }

# ko MSGID, ko_n MSGID PLURAL N: the catalogue's Korean, through gettext(1).
ko() {
	LOCPATH=$LOCALES LC_ALL=ko_KR.UTF-8 LANGUAGE= TEXTDOMAINDIR=$BUILD/po gettext -d ipcbox -- "$1"
}
ko_n() {
	LOCPATH=$LOCALES LC_ALL=ko_KR.UTF-8 LANGUAGE= TEXTDOMAINDIR=$BUILD/po ngettext -d ipcbox -- "$1" "$2" "$3"
}

# Objects of every kind; POSIX ones with Hangul names and an ASCII one.
# SHMID and SEMID: a segment's and an array's id.
make_objects() {
	"$BUILD/ipcmk" -M 4096 >/dev/null
	"$BUILD/ipcmk" -Q >/dev/null
	"$BUILD/ipcmk" -S 3 >/dev/null
	"$BUILD/ipcmk" -m 8192 -n /공유메모리 >/dev/null
	"$BUILD/ipcmk" -m 10 -n /ascii-name >/dev/null
	"$BUILD/ipcmk" -q -n /큐 >/dev/null
	"$BUILD/ipcmk" -s --value 1 -n /세마포어 >/dev/null
	SHMID=$(awk 'NR > 1 { print $2; exit }' /proc/sysvipc/shm)
	SEMID=$(awk 'NR > 1 { print $2; exit }' /proc/sysvipc/sem)
}

# Display columns of UTF-8 text as a terminal counts them (wcwidth): Hangul
# syllables and leading jamo, CJK and fullwidth forms take two; vowel and
# final jamo, combining marks none.  Plain perl, no Unicode modules.
COLUMNS_PL='
sub width {
	my $c = ord shift;
	return 0 if ($c >= 0x300 && $c <= 0x36f) || ($c >= 0x1160 && $c <= 0x11ff) || $c == 0x200b;
	return 2 if ($c >= 0x1100 && $c <= 0x115f) || ($c >= 0x2e80 && $c <= 0xa4cf && $c != 0x303f) ||
		($c >= 0xac00 && $c <= 0xd7a3) || ($c >= 0xf900 && $c <= 0xfaff) || ($c >= 0xfe30 && $c <= 0xfe4f) ||
		($c >= 0xff00 && $c <= 0xff60) || ($c >= 0xffe0 && $c <= 0xffe6) || ($c >= 0x20000 && $c <= 0x3fffd);
	return 1;
}
# A line as display cells: a wide character is followed by a filler cell.
sub cells {
	my $s = shift;
	utf8::decode($s) or die "not UTF-8: $s\n";
	my @c;
	for my $ch (split //, $s) {
		my $w = width($ch);
		push @c, $ch if $w;
		push @c, "\0" if $w == 2;
	}
	return @c;
}
# Columns where a field starts: a character after a space, or the first.
sub starts {
	my @c = @_;
	return grep { $c[$_] ne " " && ($_ == 0 || $c[$_ - 1] eq " ") } 0 .. $#c;
}
'

# width_of TEXT: its display columns.
width_of() {
	perl -e "$COLUMNS_PL"'print scalar(my @c = cells($ARGV[0])), "\n"' "$1"
}

# aligned [REFERENCE] < TABLE: every field of the header (the first line)
# starts, in display columns, where a field of each row starts (a row may
# end early in blanks).  With REFERENCE (a header line), the header's fields
# start where REFERENCE's do.
aligned() {
	perl -e "$COLUMNS_PL"'
		chomp(my $h = <STDIN>);
		my @s = starts(cells($h));
		if (@ARGV) {
			my @r = starts(cells($ARGV[0]));
			if ("@s" ne "@r") { print "header fields start at @s, not @r:\n$h\n$ARGV[0]\n"; exit 1 }
		}
		while (my $line = <STDIN>) {
			chomp $line;
			my @c = cells($line);
			for my $s (@s) {
				next if join("", @c[$s .. $#c]) =~ /^ *$/;
				next if $c[$s] ne " " && ($s == 0 || $c[$s - 1] eq " ");
				print "not aligned at column $s:\n$h\n$line\n";
				exit 1;
			}
		}' "$@"
}

# check_tables CMD ARGS...: in ko_KR.UTF-8, every section of "ipcs ARGS" is
# aligned, with its header's fields where the C locale's header has them.
check_tables() {
	local ko c n i
	ko=$(KO ipcs "$@")
	c=$(LC_ALL=C "$BUILD/ipcs" "$@")
	n=$(grep -c '^------ ' <<<"$c")
	[ "$n" -gt 0 ] && [ "$(grep -c '^------ ' <<<"$ko")" = "$n" ]
	for ((i = 1; i <= n; i++)); do
		local kt ct
		kt=$(awk -v n="$i" '/^------ / { k++; next } k == n && $0 == "" { exit } k == n' <<<"$ko")
		ct=$(awk -v n="$i" '/^------ / { k++; next } k == n && $0 == "" { exit } k == n' <<<"$c")
		[ "$(wc -l <<<"$kt")" = "$(wc -l <<<"$ct")" ]
		aligned "$(head -n 1 <<<"$ct")" <<<"$kt" || { echo "ipcs $* section $i"; return 1; }
	done
}

@test "ko: the column check counts Hangul as two columns" {
	need_ko
	[ "$(width_of '공유메모리')" = 10 ]
	[ "$(width_of '/ab')" = 3 ]
	[ "$(width_of 'é')" = 1 ]
	printf 'a    b\n공유 x\n' | aligned
	run aligned <<<$'a    b\n공유메 x'
	[ "$status" = 1 ]
}

@test "ko: titles, headers and messages are Korean, as the catalogue has them" {
	need_ko
	make_objects
	local out title
	out=$(KO ipcs)
	# Hard-coded, so that a broken or empty catalogue fails here.
	[[ $out == *$'\n------ 공유 메모리 세그먼트 --------\nkey        shmid      소유자     권한       바이트     nattch     상태        \n'* ]]
	# LANG alone, as a login session sets it (no LC_ALL, no LC_*).
	[ "$(env $(env | sed -n 's/^\(LC_[A-Z_]*\)=.*/-u \1/p') LANG=ko_KR.UTF-8 LANGUAGE= \
		LOCPATH="$LOCALES" IPCBOX_LOCALEDIR="$BUILD/po" "$BUILD/ipcs")" = "$out" ]
	for title in "Message Queues" "Shared Memory Segments" "Semaphore Arrays"; do
		[ "$(ko "$title")" != "$title" ]
		grep -qxF -- "------ $(ko "$title") --------" <<<"$out"
	done
	out=$(KO ipcs -q | sed -n 3p)
	[ "$out" = "key        msqid      $(ko owner)     $(ko perms)       $(ko used-bytes)   $(ko messages)    " ]
	[ "$(ko used-bytes)" != used-bytes ]
	# Messages of ours, and glibc's getopt ones.
	capture got KO ipcs -m -i 99
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcs: $(printf "$(ko 'id %d not found')" 99)"$'\nx' ]
	capture got KO ipcrm -m 99
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcrm: $(printf "$(ko 'invalid id (%s)')" 99)"$'\nx' ]
	capture got KO ipcmk -M 0
	[ "$got_rc" = 1 ]
	[[ $got_err == "ipcmk: $(printf "$(ko 'create %s failed: %s%s%s%s%s')" "$(ko 'share memory')" "'0': ")"* ]]
	capture got KO ipcs --bogus
	[ "$got_rc" = 1 ]
	[[ $got_err == *$'\n'"$(printf "$(ko $'Try \'%s --help\' for more information.\n')" ipcs)"$'\nx' ]]
	[[ $got_err != *"unrecognized option"* ]]
}

@test "ko: ipcmk's usage errors are Korean, 'bad usage' included (issue 29 item 20)" {
	need_ko
	local before try
	before=$(ipc_state)
	try=$(printf "$(ko $'Try \'%s --help\' for more information.\n')" ipcmk)
	capture got KO ipcmk
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcmk: 잘못된 사용법"$'\n'"ipcmk: $(ko 'nothing to create: give -M <size>, -Q or -S <number> (System V), or -m <size>, -q or -s with -n <name> (POSIX)')"$'\n'"$try"$'\nx' ]
	[ "$(ipc_state)" = "$before" ]
	# The C locale keeps util-linux's words.
	capture got env LC_ALL=C "$BUILD/ipcmk"
	[ "$got_rc" = 1 ]
	[[ $got_err == $'ipcmk: bad usage\nipcmk: nothing to create: '* ]]
}

@test "ko: ipcmk's bad values are followed by their range or form in Korean (issue 29 item 11)" {
	need_ko
	local before semmsl
	before=$(ipc_state)
	semmsl=$(awk '{ print $1 }' /proc/sys/kernel/sem)
	capture got KO ipcmk -S 0
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	# The first line ends in glibc's strerror(EINVAL), in Korean where glibc has a catalogue.
	[[ $got_err == "ipcmk: 세마포어 생성 실패: "*$'\n'"ipcmk: -S 0: 배열 하나의 세마포어 수: 1..$semmsl (SEMMSL, ipcs -s -l 참고)"$'\nx' ]]
	[ "$(grep -c . <<<"${got_err%x}")" = 2 ]
	capture got KO ipcmk -M abc
	[ "$got_rc" = 1 ]
	[[ $got_err == *$'\n''ipcmk: 크기는 4096, 64K, 1M 같은 바이트 수입니다'$'\nx' ]]
	capture got KO ipcmk -s -n /v --value -1
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcmk: --value 값을 해석하지 못했습니다: '-1'"$'\n''ipcmk: --value -1: 세마포어의 초깃값: 0..2147483647 (SEM_VALUE_MAX)'$'\nx' ]
	capture got KO ipcmk -Q -p 999
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcmk: 모드를 해석하지 못했습니다: '999': 0600 같은 8진수 모드를 지정하십시오 (최대 07777)"$'\nx' ]
	[ "$(ipc_state)" = "$before" ]
}

@test "ko: the --processes lines have a Korean header, aligned by display width (issue 29 item 14)" {
	need_ko
	make_objects
	capture got KO ipcs -m --processes
	[ "$got_rc" = 0 ]
	# The segment's creator (ipcmk) has exited: its line follows the header.
	[[ $got_out == *$'\n''  pid      사용자     명령             사용 방식        명령줄'$'\n''  '[0-9]*' -          -                cpid,종료됨      -'$'\n'* ]]
}

# The header rule (README "Translations"): words are translated; the names of
# kernel fields (what ipcs -i, JSON and the manual pages call them) are not.
KO_KEPT_HEADERS=" key msqid shmid semid uid gid cuid cgid nattch nsems cpid lpid lspid lrpid "

@test "ko: every table header follows one rule: words translated, kernel field names kept (issue 29 item 20)" {
	need_ko
	make_objects
	local args line word
	for args in "" "-t" "-p" "-c" "-b" "--posix" "--posix -t" "--posix -c" "-u" "-l"; do
		# shellcheck disable=SC2086 # words
		while IFS= read -r line; do
			for word in $line; do
				[[ "$word" =~ ^[A-Za-z-]+$ ]] || continue
				[[ "$KO_KEPT_HEADERS" == *" $word "* ]] || { echo "ipcs $args: English header '$word' in: $line"; return 1; }
			done
		done < <(KO ipcs $args | grep -E '^(key|msqid|shmid|semid|[^[:space:]]*이름) ')
	done
}

@test "ko: no '을(를)'-style particle pairs and no English 'bytes' in the catalogue (issue 29 item 20)" {
	need_ko
	# msgstr texts only; option names (--bytes), <n> placeholders and the
	# kernel's field msg_qbytes (ipcbox send's "queue full") aside.
	run awk '/^msgstr/ { on = 1 } /^(msgid|#)/ { on = 0 } on' "$SRC/po/ko.po"
	[ "$status" = 0 ]
	! grep -E '\((을|를|은|는|이|가|와|과|으)\)|\(를\)|\(는\)|\(가\)' <<<"$output" || false
	! grep -E '(^|[^-k])bytes' <<<"${output//msg_qbytes/}" || false
	capture got KO ipcs -u -q
	grep -q '^[^=]* = 0바이트$' <<<"${got_out%x}"
	capture got KO ipcrm --posix-shmem /nope
	[ "$got_err" = $'ipcrm: 이름을 찾을 수 없습니다: `/nope\'\nx' ]
}

@test "ko: a count in a message takes the catalogue's plural form (ngettext)" {
	need_ko
	"$BUILD/ipcmk" -M 100 >/dev/null
	"$BUILD/ipcmk" -M 100 >/dev/null
	local fmt
	fmt=$(ko_n 'would remove %zu of %zu %s (%s)' 'would remove %zu of %zu %s (%s)' 2)
	[ "$fmt" != 'would remove %zu of %zu %s (%s)' ]
	capture got KO ipcrm --dry-run --all=shm --owner root
	[ "$got_rc" = 0 ]
	# Up to the last %s, the filters.
	fmt=${fmt//%zu/%d}
	[[ $got_out == *$'\n'"$(printf "${fmt%\%s*}" 2 2 "$(ko 'shared memory segments')")"* ]] ||
		{ echo "$got_out"; false; }
	# And the words of the text tables: waiting processes, the status column.
	[ "$(ko_n '  %llu waiting\n' '  %llu waiting\n' 3)" != '  %llu waiting' ]
}

@test "ko: tables are aligned by display width (Hangul headers, names, 'Not set')" {
	need_ko
	make_objects
	local args
	for args in "" "-m -t" "-q -t" "-m -p" "-c" "-b" "--posix" "--posix -t" "--posix -c"; do
		# shellcheck disable=SC2086 # words
		check_tables $args
	done
	# The POSIX name column: "/공유메모리" takes 11 of its 20 columns.
	grep -q '^/공유메모리          root ' <<<"$(KO ipcs --posix)"
	# A time never set, padded to its columns, and -i's 26-column times.
	local line ns pad
	ns=$(ko 'Not set')
	pad=$(printf '%*s' $((20 - $(width_of "$ns"))) '')
	[ "$ns" != "Not set" ]
	KO ipcs -m -t | grep -qF "$(printf '%-10s %-10s ' "$SHMID" root)$ns$pad $ns$pad "
	line=$(KO ipcs -m -i "$SHMID" | grep '^att_time=')
	[ "$line" = "att_time=$(ko 'Not set')$(printf '%*s' $((26 - $(width_of "$(ko 'Not set')"))) '')" ]
	KO ipcs -s -i "$SEMID" | sed -n '/^semnum\|^'"$(ko semnum)"'/,$p' | aligned
}

@test "ko: ipcs -g is aligned by display width" {
	need_ko
	make_objects
	local out
	out=$(KO ipcs -g)
	[ "$(head -n 1 <<<"$out" | awk '{ print $1 }')" = "$(ko RESOURCE)" ]
	# Every line as wide as the header; the description column starts after the resource.
	perl -e "$COLUMNS_PL"'
		my ($w, $d);
		while (my $line = <STDIN>) {
			chomp $line;
			my @c = cells($line);
			my ($s) = grep { $_ > 0 } starts(@c);
			$w //= @c;
			$d //= $s;
			if (@c != $w || $s != $d) { print "not aligned: $line\n"; exit 1 }
		}' <<<"$out"
}


@test "ko: a Hangul user name is padded and cut by display columns" {
	need_ko
	command -v unshare >/dev/null || skip "needs unshare (util-linux)"
	make_objects
	local pw=$BATS_TEST_TMPDIR/passwd out
	sed 's/^root:/관리자계정:/' /etc/passwd >"$pw"
	with_passwd "$pw" true 2>/dev/null || skip "cannot bind-mount over /etc/passwd here"
	out=$(with_passwd "$pw" env LOCPATH="$LOCALES" LC_ALL=ko_KR.UTF-8 IPCBOX_LOCALEDIR="$BUILD/po" "$BUILD/ipcs" -m)
	grep -q '^0x[0-9a-f]\{8\} [0-9]\+ \+관리자계정 644 ' <<<"$out"
	sed -n '3,$p' <<<"$out" | aligned
	# Longer than the 10 columns: cut between characters, never inside one.
	sed 's/^root:/공유메모리관리자:/' /etc/passwd >"$pw"
	out=$(with_passwd "$pw" env LOCPATH="$LOCALES" LC_ALL=ko_KR.UTF-8 IPCBOX_LOCALEDIR="$BUILD/po" "$BUILD/ipcs" -m)
	grep -q '^0x[0-9a-f]\{8\} [0-9]\+ \+공유메모리 644 ' <<<"$out"
	sed -n '3,$p' <<<"$out" | aligned
	# The POSIX tables and --processes lines too.
	out=$(with_passwd "$pw" env LOCPATH="$LOCALES" LC_ALL=ko_KR.UTF-8 IPCBOX_LOCALEDIR="$BUILD/po" "$BUILD/ipcs" --posix)
	# POSIX tables show the owner whole (issue 29 item 16), aligned.
	grep -q '^/공유메모리          공유메모리관리자 644 ' <<<"$out"
	# The first section (header, rows up to the blank line) is aligned.
	awk 'NR >= 3 && /^$/ { exit } NR >= 3' <<<"$out" | aligned
}

@test "ko: JSON, --metrics and -g --json are the C locale's bytes" {
	need_ko
	make_objects
	local args
	for args in "-J" "-a -J" "--posix -J" "-t -J" "-l -J" "-u -J" "-g --json" "--metrics" "-m -i $SHMID -J"; do
		# shellcheck disable=SC2086 # words
		[ "$(KO ipcs $args 2>&1)" = "$(LC_ALL=C "$BUILD/ipcs" $args 2>&1)" ] || { echo "differs: ipcs $args"; false; }
	done
}

@test "no catalogue: C.UTF-8 and de_DE.UTF-8 print the C locale's bytes (objects of every kind)" {
	locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' || skip "no C.UTF-8 locale"
	make_objects
	local args loc c u
	for loc in C.UTF-8 de_DE.UTF-8; do
		[ "$loc" = C.UTF-8 ] || [ -z "$DE_SKIP" ] || continue
		for args in "" "-a" "-l" "-u" "-t" "-p" "-c" "-b" "--human" "--posix" "--posix -t" "-g" "-s -i $SEMID"; do
			# shellcheck disable=SC2086 # words
			c=$(LC_ALL=C "$BUILD/ipcs" $args 2>&1; echo "rc=$?")
			# shellcheck disable=SC2086 # words
			u=$(in_locale "$loc" ipcs $args 2>&1; echo "rc=$?")
			[ "$c" = "$u" ] || { echo "differs in $loc: ipcs $args"; diff <(echo "$c") <(echo "$u"); false; }
		done
	done
	# A bad option: glibc's getopt message, English only without a catalogue of glibc's.
	[ "$(LC_ALL=C "$BUILD/ipcs" --bogus 2>&1)" = "$(in_locale C.UTF-8 ipcs --bogus 2>&1)" ]
	[ "$(LC_ALL=C "$BUILD/ipcmk" -Z 2>&1)" = "$(in_locale C.UTF-8 ipcmk -Z 2>&1)" ]
}

@test "ipcs -g: what could not be read is said in whole sentences, in both languages" {
	command -v unshare >/dev/null || skip "needs unshare (util-linux)"
	local dir=$BATS_TEST_TMPDIR/notdir
	mkdir "$dir"
	# /dev/shm a symbolic link: refused (O_NOFOLLOW), in a /dev of this command's own.
	broken_shm() {
		unshare --mount --propagation private bash -c 'mount -t tmpfs none /dev && ln -s "$1" /dev/shm &&
			mkdir /dev/mqueue && mount -t mqueue none /dev/mqueue && shift && exec "$@"' _ "$dir" "$@"
	}
	broken_shm true 2>/dev/null || skip "cannot mount a private /dev here"
	capture got broken_shm "$BUILD/ipcs" -g --posix
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'ipcs: cannot read the objects of POSIX shared memory: Not a directory\nipcs: cannot read the objects of POSIX semaphores: Not a directory\nx' ]
	need_ko
	capture got broken_shm env LOCPATH="$LOCALES" LC_ALL=ko_KR.UTF-8 IPCBOX_LOCALEDIR="$BUILD/po" "$BUILD/ipcs" -g --posix
	[ "$got_rc" = 1 ]
	[[ $got_err == "ipcs: $(printf "$(ko 'cannot read the objects of %s')" "$(ko 'POSIX shared memory')"): "* ]]
}

# --- --help pages: width and alignment (issue 29 item 19) ---------------------

# help_layout NAME EXEMPT < PAGE: what is wrong with a --help page: a line
# wider than 80 display columns (but the lines of EXEMPT, util-linux's own),
# or a block of options (the lines from one text to the next) whose
# descriptions and their further lines do not all start in one column.
help_layout() {
	perl -e "$COLUMNS_PL"'
		my ($name, $exempt) = @ARGV;
		my %exempt = map { $_ => 1 } split /\n/, $exempt;
		my ($n, $open, $column) = (0, 0);
		while (my $line = <STDIN>) {
			chomp $line;
			$n++;
			my $w = scalar(my @c = cells($line));
			print "$name:$n: $w columns: $line\n" if $w > 80 && !$exempt{$line};
			my $at;
			if ($line =~ /^( -[A-Za-z], |     )--[a-z][a-z-]*(\[=[^]]*\]|=<[^>]*>| <[^>]*>)?( *)/) {
				$at = length $& if length $& < length $line;
				$column = undef unless $open;
				$open = 1;
			} elsif ($open && $line =~ /^( {6,})\S/) {
				$at = length $1;
			} else {
				$open = 0;
				next;
			}
			next unless defined $at;
			$column //= $at;
			print "$name:$n: description at column $at, its block'"'"'s at $column: $line\n" if $at != $column;
		}' "$@"
}

# every_help LOCALE: help_layout of every command's --help (ipcbox's and each
# of ipcbox --list) in LOCALE; their exit status is 0 and they say something.
every_help() {
	local loc=$1 name page exempt found problems=
	for name in ipcbox $("$BUILD/ipcbox" --list); do
		local cmd=("$BUILD/ipcbox")
		[ "$name" = ipcbox ] || cmd+=("$name")
		page=$(LOCPATH=${LOCALES:-} LC_ALL=$loc LANGUAGE= IPCBOX_LOCALEDIR=$BUILD/po "${cmd[@]}" --help)
		[ "$(wc -l <<<"$page")" -gt 5 ] || { echo "$name --help: $page"; return 1; }
		exempt=
		# lsipc's page is util-linux 2.38's byte for byte (tests/lsipc.bats): two of its lines are longer.
		if [ "$name" = lsipc ] && [ "$loc" = C ] && [ -x /usr/bin/lsipc ]; then
			exempt=$(LC_ALL=C /usr/bin/lsipc --help)
		fi
		found=$(help_layout "$name" "$exempt" <<<"$page")
		[ -z "$found" ] || problems+=$found$'\n'
	done
	[ -z "$problems" ] || { echo "$problems"; return 1; }
}

@test "every --help (C): lines within 80 columns, each block of options in one column (issue 29 item 19)" {
	every_help C
	# The lines that fell out of their column.
	run env LC_ALL=C "$BUILD/ipcs" --help
	[ "$status" = 0 ]
	grep -qxF -- '     --messages[=<n>]  with -q -i: also list the messages, without receiving' <<<"$output"
	grep -qxF -- '                       them, and their first <n> bytes (default 64)' <<<"$output"
	grep -qxF -- ' -i, --id <id>         print details on resource identified by <id>' <<<"$output"
	grep -qxF -- '     --output <file>  write the metrics to <file> atomically' <<<"$output"
	grep -qxF -- '     --namespace <pid|file>  show the objects of another IPC namespace' <<<"$output"
	run env LC_ALL=C "$BUILD/ipcrm" --help
	[ "$status" = 0 ]
	grep -qxF -- '     --posix-semaphore <name>  remove POSIX semaphore by name' <<<"$output"
	grep -qxF -- ' -m, --shmem-id <id>           remove shared memory segment by id' <<<"$output"
	grep -qxF -- '                               psem, or posix, sysv, every)' <<<"$output"
}

@test "ko: every --help within 80 display columns, each block of options in one column (issue 29 item 19)" {
	need_ko
	every_help ko_KR.UTF-8
	# A translation's own line break: its next line is put in the block's column.
	run KO ipcs --help
	[ "$status" = 0 ]
	grep -qxF -- '     --orphaned           더 이상 어떤 프로세스도 사용하지 않는' <<<"$output"
	grep -qxF -- '                          고아 (orphaned) 객체 (ipcs(1) 참고)' <<<"$output"
	grep -qxF -- '     --all-namespaces        모든 IPC 네임스페이스를 각각 한 블록으로 표시합니다' <<<"$output"
	# lsipc in Korean: its option lines translated, within the width.
	run KO lsipc --help
	[ "$status" = 0 ]
	grep -qxF -- ' -y, --shell              열 이름을 셸 변수 이름으로 쓸 수 있게 출력합니다' <<<"$output"
}

@test "ko: a dry run says 삭제 예정 (would remove), never 삭제 중, and nothing for a missing id (issue 29 item 1)" {
	need_ko
	"$BUILD/ipcmk" -M 10 >/dev/null
	local shm
	shm=$(awk 'NR == 2 { print $2 }' /proc/sysvipc/shm)
	capture got KO ipcrm -q 999 -m "$shm" --dry-run
	[ "$got_rc" = 1 ]
	[ "$got_out" = "공유 메모리 세그먼트 id \`$shm' 삭제 예정"$'\nx' ]
	[ "$got_err" = $'ipcrm: 잘못된 id (999)\nx' ]
	[ "$(awk 'NR > 1' /proc/sysvipc/shm | wc -l)" = 1 ]
}

@test "ko: a filtered dry run sums up why objects stay, and without -v a guard's keep is one stderr line (issue 29 items 2, 3)" {
	need_ko
	"$BUILD/ipcmk" -M 10 >/dev/null
	local shm
	shm=$(awk 'NR == 2 { print $2 }' /proc/sysvipc/shm)
	capture got KO ipcrm --all=shm --all=msg --older-than 0 --dry-run
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = "공유 메모리 세그먼트 id \`$shm' 유지 예정 (root 소유: --owner root 사용)
0개 삭제 예정 (1개의 공유 메모리 세그먼트 중, 0보다 오래됨); 유지함: root 소유 1개 (--owner root 사용)
0개 삭제 예정 (0개의 메시지 큐 중, 0보다 오래됨)
x" ]
	capture got KO ipcrm --all=shm --older-than 0
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcrm: root 소유 공유 메모리 세그먼트 1개 유지함 (--owner root 사용; 목록은 -v)
x" ]
	[ "$(awk 'NR > 1' /proc/sysvipc/shm | wc -l)" = 1 ]
}
