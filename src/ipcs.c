/* ipcs: show information on IPC facilities.  Options -> query -> render. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/commands.h"
#include "src/render.h"
#include "src/sysv.h"
#include "src/util.h"

static const char usage_text[] =
	"\n"
	"Usage:\n"
	" ipcs [resource-option...] [output-option]\n"
	" ipcs -m|-q|-s -i <id>\n"
	"\n"
	"Show information on IPC facilities.\n"
	"\n"
	"Options:\n"
	" -i, --id <id>  print details on resource identified by <id>\n"
	" -h, --help     display this help\n"
	" -V, --version  display version\n"
	"\n"
	"Resource options:\n"
	" -m, --shmems      shared memory segments\n"
	" -q, --queues      message queues\n"
	" -s, --semaphores  semaphores\n"
	" -a, --all         all (default)\n"
	"\n"
	"Output options:\n"
	" -t, --time        show attach, detach and change times\n"
	" -p, --pid         show PIDs of creator and last operator\n"
	" -c, --creator     show creator and owner\n"
	" -l, --limits      show resource limits\n"
	" -u, --summary     show status summary\n"
	"     --human       show sizes in human-readable format\n"
	" -b, --bytes       show sizes in bytes\n"
	"     --numeric     show user and group ids as numbers\n"
	"\n"
	"For more details see ipcs(1).\n";

enum { OPT_HUMAN = CHAR_MAX + 1, OPT_NUMERIC };

static const char short_options[] = "i:mqsatpclubVh";

static const struct option long_options[] = {
	{ "id",         required_argument, NULL, 'i' },
	{ "shmems",     no_argument,       NULL, 'm' },
	{ "queues",     no_argument,       NULL, 'q' },
	{ "semaphores", no_argument,       NULL, 's' },
	{ "all",        no_argument,       NULL, 'a' },
	{ "time",       no_argument,       NULL, 't' },
	{ "pid",        no_argument,       NULL, 'p' },
	{ "creator",    no_argument,       NULL, 'c' },
	{ "limits",     no_argument,       NULL, 'l' },
	{ "summary",    no_argument,       NULL, 'u' },
	{ "human",      no_argument,       NULL, OPT_HUMAN },
	{ "bytes",      no_argument,       NULL, 'b' },
	{ "numeric",    no_argument,       NULL, OPT_NUMERIC },
	{ "help",       no_argument,       NULL, 'h' },
	{ "version",    no_argument,       NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* For error messages; sections come in enum order whatever the options. */
static const char *const kind_names[SYSV_KINDS] = {
	[SYSV_MSG] = "message queues",
	[SYSV_SHM] = "shared memory segments",
	[SYSV_SEM] = "semaphore arrays",
};

struct ipcs_request {
	bool want[SYSV_KINDS];
	bool have_id;
	int id;
	struct render_opts render;
};

static int parse_id(const char *arg)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (end != arg && *end == '\0' && (errno == ERANGE || v > INT_MAX || v < INT_MIN))
		errx(1, "failed to parse id argument: '%s': %s", arg, strerror(ERANGE));
	/* Deliberate difference: util-linux looks a negative id up and finds nothing. */
	if (end == arg || *end || v < 0)
		errx(1, "failed to parse id argument: '%s'", arg);
	return (int)v;
}

static void parse_args(int argc, char **argv, struct ipcs_request *req)
{
	int opt;
	*req = (struct ipcs_request){ .render = { .mode = MODE_LIST } };
	while ((opt = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
		switch (opt) {
		case 'i':
			req->have_id = true;
			req->id = parse_id(optarg);
			break;
		case 'm': req->want[SYSV_SHM] = true; break;
		case 'q': req->want[SYSV_MSG] = true; break;
		case 's': req->want[SYSV_SEM] = true; break;
		case 'a':
			for (int k = 0; k < SYSV_KINDS; k++)
				req->want[k] = true;
			break;
		/* As in util-linux, the last output option wins. */
		case 't': req->render.mode = MODE_TIME; break;
		case 'p': req->render.mode = MODE_PID; break;
		case 'c': req->render.mode = MODE_CREATOR; break;
		case 'l': req->render.mode = MODE_LIMITS; break;
		case 'u': req->render.mode = MODE_SUMMARY; break;
		case 'b': req->render.unit = UNIT_BYTES; break;
		case OPT_HUMAN: req->render.unit = UNIT_HUMAN; break;
		case OPT_NUMERIC: req->render.numeric = true; break;
		case 'h':
			fputs(usage_text, stdout);
			exit_checked(0);
		case 'V':
			print_version();
			exit_checked(0);
		default:
			usage_hint();
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%s'", argv[optind]);

	int chosen = 0;
	for (int k = 0; k < SYSV_KINDS; k++)
		chosen += req->want[k];
	if (req->have_id && chosen != 1)
		errx(1, "when using an ID, a single resource must be specified");
	if (chosen == 0)
		for (int k = 0; k < SYSV_KINDS; k++)
			req->want[k] = true;
}

static int show_details(const struct ipcs_request *req)
{
	enum sysv_kind kind = SYSV_MSG;
	for (int k = 0; k < SYSV_KINDS; k++)
		if (req->want[k])
			kind = k;
	struct sysv_object obj;
	if (sysv_find(kind, req->id, &obj) < 0) {
		if (errno == ENOENT) {
			warnx("id %d not found", req->id);
			return 1;
		}
		warn("cannot read %s", kind_names[kind]);
		return 1;
	}
	struct sysv_semval *values = NULL;
	if (kind == SYSV_SEM && obj.size > 0) {
		values = sysv_sem_values(obj.id, obj.size);
		if (!values) {
			warn("semctl(GETVAL) failed");
			return 1;
		}
	}
	render_details(&obj, values);
	free(values);
	return 0;
}

static int render_visit(const struct sysv_object *obj, void *ctx)
{
	render_row(obj, ctx);
	return 0;
}

static int show_kind(enum sysv_kind kind, const struct render_opts *opts)
{
	switch (opts->mode) {
	case MODE_LIMITS: {
		struct sysv_limits limits;
		if (sysv_limits(kind, &limits) < 0) {
			warn("cannot read the limits of %s", kind_names[kind]);
			return 1;
		}
		render_limits(kind, &limits, opts);
		return 0;
	}
	case MODE_SUMMARY: {
		struct sysv_summary summary;
		if (sysv_summary(kind, &summary) < 0) {
			warn("cannot read the status of %s", kind_names[kind]);
			return 1;
		}
		render_summary(kind, &summary, opts);
		return 0;
	}
	default:
		break;
	}
	render_section_begin(kind, opts);
	int rc = sysv_scan(kind, render_visit, (void *)opts);
	render_section_end(kind, opts);
	if (rc < 0) {
		warn("cannot read %s", kind_names[kind]);
		return 1;
	}
	return 0;
}

int ipcs_main(int argc, char **argv)
{
	struct ipcs_request req;
	parse_args(argc, argv, &req);

	int status = 0;
	if (req.have_id) {
		status = show_details(&req);
	} else {
		putchar('\n');
		for (int k = 0; k < SYSV_KINDS; k++)
			if (req.want[k])
				status |= show_kind(k, &req.render);
	}
	return close_stdout() ? 1 : status;
}
