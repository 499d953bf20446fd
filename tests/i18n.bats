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
