#!/usr/bin/env bats
# shellcheck disable=SC2154 # capture sets *_out/_err/_rc
# Invisible characters in names (issue 24.4): every format character (Cf)
# and default ignorable code point is shown as \xHH, byte by byte, as the
# escaper shows control characters, so "/post<U+00AD>gres" never reads as
# "/postgres".  The set comes from the Unicode Character Database
# (tools/gen-unicode-hidden.py, src/unicode-hidden.h).

load helpers

fresh_ipc_each_test

# U+00AD soft hyphen, U+034F combining grapheme joiner, U+115F and U+1160
# Hangul fillers, U+3164 Hangul filler, U+FFA0 halfwidth filler, U+180E
# Mongolian vowel separator, U+206A inhibit symmetric swapping, U+FE0F
# variation selector 16, U+E0100 variation selector 17, U+E0001 language
# tag, U+E0020 tag space, U+1D173 musical symbol begin beam.
HIDDEN=(00ad 034f 115f 1160 3164 ffa0 180e 206a fe0f e0100 e0001 e0020 1d173)

# The character U+$1 and its UTF-8 bytes as the escaper shows them.
char() { perl -e 'binmode STDOUT, ":utf8"; print chr(hex $ARGV[0])' "$1"; }
escaped() { char "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../\\x&/g'; }

CHAR=() SHOWN=()
for i in "${!HIDDEN[@]}"; do
	CHAR[i]=$(char "${HIDDEN[i]}")
	SHOWN[i]="/post$(escaped "${HIDDEN[i]}")gres"
done

@test "ipcs -M, -Q, -S and --name: names with invisible characters are escaped (issue 24.4)" {
	local cp i name shown locale
	for cp in "${HIDDEN[@]}"; do
		name=/post$(char "$cp")gres
		"$BUILD/ipcmk" -m 1 -n "$name" >/dev/null
		"$BUILD/ipcmk" -q -n "$name" --maxmsg 1 --msgsize 16 >/dev/null
		"$BUILD/ipcmk" -s -n "$name" >/dev/null
	done
	for locale in C C.UTF-8; do
		for opt in -M -Q -S; do
			capture got env LC_ALL=$locale "$BUILD/ipcs" "$opt"
			[ "$got_rc" = 0 ]
			[ "$got_err" = x ]
			for i in "${!HIDDEN[@]}"; do
				cp=${HIDDEN[i]} shown=${SHOWN[i]}
				# One row per name: its first field is the escaped name.
				[ "$(printf '%s' "${got_out%x}" | S=$shown awk '$1 == ENVIRON["S"]' | wc -l)" = 1 ] || {
					echo "# $locale ipcs $opt: no row for U+$cp ($shown)" >&2
					printf '%s' "${got_out%x}" | cat -A >&2
					false
				}
			done
			# No raw byte of any of them.
			for i in "${!HIDDEN[@]}"; do
				[[ "${got_out%x}" != *"${CHAR[i]}"* ]]
			done
		done
	done
	capture got "$BUILD/ipcs" -M --name "/post$(char 00ad)gres"
	[ "$got_rc" = 0 ]
	[[ "${got_out%x}" == $'\n'"POSIX Shared Memory name=/post\\xc2\\xadgres"$'\n'* ]]
}

@test "ipcrm and ipcmk: messages name invisible characters escaped (issue 24.4)" {
	local cp name shown
	for cp in "${HIDDEN[@]}"; do
		name=/post$(char "$cp")gres
		shown="/post$(escaped "$cp")gres"
		capture got "$BUILD/ipcmk" -m 1 -n "$name"
		[ "$got_rc" = 0 ]
		[ "${got_out%x}" = "POSIX shared memory name: $shown"$'\n' ]
		capture got "$BUILD/ipcrm" -v --posix-shmem "$name"
		[ "$got_rc" = 0 ] && [ "${got_out%x}" = "removing POSIX shared memory \`$shown'"$'\n' ] || {
			echo "# U+$cp: ${got_out%x}" >&2
			false
		}
		capture got "$BUILD/ipcrm" --posix-shmem "$name"
		[ "$got_rc" = 1 ]
		[ "${got_err%x}" = "ipcrm: name \`$shown' not found"$'\n' ]
	done
	[ -z "$(ls -A /dev/shm)" ]
}

@test "ipcs -J: invisible characters as \\u escapes (surrogate pairs beyond U+FFFF), names given back exactly (issue 24.4)" {
	command -v jq >/dev/null || skip "needs jq"
	local i
	for i in "${!HIDDEN[@]}"; do
		"$BUILD/ipcmk" -m 1 -n "/post${CHAR[i]}gres" >/dev/null
	done
	capture got "$BUILD/ipcs" -M -J
	[ "$got_rc" = 0 ]
	# No raw byte of any of them in the document, and jq reads every name back.
	for i in "${!HIDDEN[@]}"; do
		[[ "${got_out%x}" != *"${CHAR[i]}"* ]]
		[ "$(printf '%s' "${got_out%x}" | N="/post${CHAR[i]}gres" jq '[.posix_shared_memory[] | select(.name == env.N)] | length')" = 1 ]
	done
	[[ "${got_out%x}" == *'"name": "/post\udb40\udc01gres"'* ]]
	[[ "${got_out%x}" == *'"name": "/post\u00adgres"'* ]]
}
