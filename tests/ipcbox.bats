#!/usr/bin/env bats
# The multi-call dispatcher.

load helpers

@test "ipcbox --list prints the commands" {
	run "$BUILD/ipcbox" --list
	[ "$status" -eq 0 ]
	[ "$output" = $'ftok\nipcmk\nipcrm\nipcs\nlsipc\nread\nreceive\nsem\nsend\nset\nwrite' ]
}

@test "ipcbox CMD runs the command" {
	run "$BUILD/ipcbox" ipcs --version
	[ "$status" -eq 0 ]
	[ "$output" = "ipcs from ipcbox $(sed -n "s/^ *version : '\(.*\)',/\1/p" "$SRC/meson.build")" ]
}

@test "links dispatch on argv[0]" {
	for cmd in ipcs ipcmk ipcrm; do
		run "$BUILD/$cmd" --version
		[ "$status" -eq 0 ]
		[ "${output%% *}" = "$cmd" ]
	done
}

@test "unknown command name exits 127" {
	ln -sf "$BUILD/ipcbox" "$BATS_TEST_TMPDIR/ipcfoo"
	run "$BATS_TEST_TMPDIR/ipcfoo"
	[ "$status" -eq 127 ]
	[ "$output" = "ipcbox: unknown command name 'ipcfoo'" ]
	run "$BUILD/ipcbox" frob
	[ "$status" -eq 127 ]
	[ "$output" = "ipcbox: unknown command 'frob' (try 'ipcbox --list')" ]
}

@test "ipcbox without a command is a usage error" {
	run "$BUILD/ipcbox"
	[ "$status" -eq 1 ]
	[[ "$output" == *"Usage:"* ]]
}
