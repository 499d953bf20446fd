/* ipcbox read's and write's command lines: their help pages, options, and the request they make. */
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "src/args.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/segment-args.h"
#include "src/util.h"

/* In getopt's order; each help line is one msgid: translators handle small units. */
static const struct cmdline_option read_options[] = {
	{ "shmem-id", 'm', required_argument, N_(" -m, --shmem-id <id>         read the shared memory segment with this id\n") },
	{ "shmem-key", 'M', required_argument, N_(" -M, --shmem-key <key>       read the shared memory segment with this key\n") },
	{ "posix-shmem", OPT_POSIX_SHM, required_argument,
	  N_("     --posix-shmem <name>    read the POSIX shared memory segment of this name\n") },
	{ "offset", 'o', required_argument, N_(" -o, --offset <offset>       start this many bytes in (default 0)\n") },
	{ "length", 'l', required_argument, N_(" -l, --length <length>       read this many bytes (default: up to the end)\n") },
	{ "hex", 'x', no_argument, N_(" -x, --hex                   print a hex dump, as xxd lays it out\n") },
	{ "help", 'h', no_argument, N_(" -h, --help                  display this help\n") },
	{ "version", 'V', no_argument, N_(" -V, --version               display version\n") },
};

static const struct cmdline_option write_options[] = {
	{ "shmem-id", 'm', required_argument, N_(" -m, --shmem-id <id>         write to the shared memory segment with this id\n") },
	{ "shmem-key", 'M', required_argument, N_(" -M, --shmem-key <key>       write to the shared memory segment with this key\n") },
	{ "posix-shmem", OPT_POSIX_SHM, required_argument,
	  N_("     --posix-shmem <name>    write to the POSIX shared memory segment of this name\n") },
	{ "offset", 'o', required_argument, N_(" -o, --offset <offset>       start this many bytes in (default 0)\n") },
	{ "file", 'f', required_argument, N_(" -f, --file <file>           write the bytes of <file> (default: standard input)\n") },
	{ "help", 'h', no_argument, N_(" -h, --help                  display this help\n") },
	{ "version", 'V', no_argument, N_(" -V, --version               display version\n") },
};

/* The parts read's and write's pages share. */
#define SEGMENT_CHOICE                                                    \
	HELP_TEXT("\n"),                                                  \
	HELP_TEXT(N_("Segment (one of):\n")),                              \
	HELP_OPT('m'), HELP_OPT('M'), HELP_OPT(OPT_POSIX_SHM),             \
	HELP_TEXT("\n"),                                                  \
	HELP_TEXT(N_("Options:\n"))
#define SEGMENT_ARGUMENTS                                                 \
	HELP_TEXT("\n"),                                                  \
	HELP_OPT('h'), HELP_OPT('V'),                                      \
	HELP_TEXT("\n"),                                                  \
	HELP_TEXT(N_("Arguments:\n")),                                     \
	HELP_TEXT(N_(" <key> is a number, or <path>:<proj> as ftok(3) makes it (<proj>: 1-255 or one character)\n"))

static const struct cmdline_help read_help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" ipcbox read [options] <segment>\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Print a shared memory segment's bytes (shmat(2) read-only; pread(2) of a POSIX\n"
		     "segment's file), raw or as a hex dump.\n")),
	SEGMENT_CHOICE,
	HELP_OPT('o'), HELP_OPT('l'), HELP_OPT('x'),
	SEGMENT_ARGUMENTS,
	HELP_TEXT(N_(" <offset> and <length> are numbers (0x for hex) with an optional suffix:\n"
		     " K, M, G... (1024) or KB, MB... (1000)\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("For more details see ipcbox-read(1).\n")),
};

static const struct cmdline_help write_help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" ipcbox write [options] <segment> < <data>\n")),
	HELP_TEXT(N_(" ipcbox write [options] <segment> --file <file>\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Copy bytes into a shared memory segment (shmat(2); pwrite(2) to a POSIX\n"
		     "segment's file) at an offset.  Nothing is written unless all of them fit.\n")),
	SEGMENT_CHOICE,
	HELP_OPT('o'), HELP_OPT('f'),
	SEGMENT_ARGUMENTS,
	HELP_TEXT(N_(" <offset> is a number (0x for hex) with an optional suffix: K, M, G...\n"
		     " (1024) or KB, MB... (1000)\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("For more details see ipcbox-write(1).\n")),
};

/* A byte count: decimal or 0x hex, with a size suffix; a leading 0 is refused (octal or decimal?). */
static int take_bytes(const char *option, const char *arg, uint64_t *out)
{
	if (arg[0] == '0' && isdigit((unsigned char)arg[1]))
		return parse_error(false, _("--%s: '%s': a leading 0 is ambiguous (octal?): write the number in "
				   "decimal or with 0x"), option, escape_arg(arg));
	if (!parse_size(arg, out))
		return parse_error(false, _("--%s: invalid number of bytes '%s'"), option, escape_arg(arg));
	return 0;
}

static int take_option(int c, const char *arg, void *request)
{
	struct segment_request *req = request;
	int rc = take_target_option(c, arg, &req->target, KIND_BIT(KIND_SHM) | KIND_BIT(KIND_PSHM));
	if (rc <= 0)
		return rc;
	switch (c) {
	case 'o':
		return take_bytes("offset", arg, &req->offset);
	case 'l':
		req->has_length = true;
		return take_bytes("length", arg, &req->length);
	case 'x':
		req->hex = true;
		break;
	case 'f':
		req->file = arg;
		break;
	}
	return 0;
}

const struct cmdline read_cmdline = {
	.options = read_options, .n_options = ARRAY_SIZE(read_options),
	.help = read_help, .n_help = ARRAY_SIZE(read_help),
	.operands = OPERANDS_UNEXPECTED,
	.option = take_option,
};

const struct cmdline write_cmdline = {
	.options = write_options, .n_options = ARRAY_SIZE(write_options),
	.help = write_help, .n_help = ARRAY_SIZE(write_help),
	.operands = OPERANDS_UNEXPECTED,
	.option = take_option,
};

int segment_parse_args(const struct cmdline *cmd, int argc, char **argv, struct segment_request *req)
{
	memset(req, 0, sizeof(*req));
	if (cmdline_parse(cmd, argc, argv, req, &req->action) < 0)
		return -1;
	if (req->action != CMDLINE_RUN)
		return 0;
	return target_check(&req->target, "-m <id>, -M <key> or --posix-shmem <name>");
}
