/*
 * ipcs text output.  Each (kind, row mode) is one layout: a title and a
 * list of cells, each with its header label and widths.  Rows are written
 * with fwrite/putc rather than printf: with tens of thousands of objects
 * the format parsing would cost more than the kernel does.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "src/render.h"
#include "src/util.h"

enum field {
	F_NONE, F_KEY, F_ID, F_OWNER, F_PERMS, F_SIZE, F_COUNT, F_STATUS,
	F_SHORT_TIME, F_LONG_TIME, F_PID, F_USER, F_GROUP,
};

/*
 * width < 0: left-aligned in -width, > 0: right-aligned, 0: as is.
 * max > 0 truncates.  The header uses hwidth/hsep, rows width/sep.
 */
struct cell {
	const char *label, *human_label;
	signed char hwidth;
	const char *hsep;
	enum field field;
	int arg;		/* which time/pid/user/group of the object */
	signed char width, max;
	const char *sep;
};

struct layout {
	const char *title;
	struct cell cells[8];	/* ends at a NULL label */
};

#define L(label, w) label, NULL, -(w)

static const struct layout layouts[SYSV_KINDS][MODE_CREATOR + 1] = {
	[SYSV_MSG] = {
		[MODE_LIST] = { "Message Queues", {
			{ L("key", 10), " ", F_KEY, 0, -10, 0, " " },
			{ L("msqid", 10), " ", F_ID, 0, -10, 0, " " },
			{ L("owner", 10), " ", F_OWNER, 0, -10, 10, " " },
			{ L("perms", 10), " ", F_PERMS, 0, -10, 0, " " },
			{ "used-bytes", "size", -12, " ", F_SIZE, 0, -12, 0, " " },
			{ L("messages", 12), "", F_COUNT, 0, -12, 0, "" } } },
		[MODE_TIME] = { "Message Queues Send/Recv/Change Times", {
			{ L("msqid", 8), " ", F_ID, 0, -8, 0, " " },
			{ L("owner", 10), " ", F_OWNER, 0, -10, 10, " " },
			{ L("send", 20), " ", F_SHORT_TIME, 0, -20, 0, " " },
			{ L("recv", 20), " ", F_SHORT_TIME, 1, -20, 0, " " },
			{ L("change", 20), "", F_SHORT_TIME, 2, -20, 0, "" } } },
		[MODE_PID] = { "Message Queues PIDs", {
			{ L("msqid", 10), " ", F_ID, 0, -8, 0, " " },
			{ L("owner", 10), " ", F_OWNER, 0, -10, 10, " " },
			{ L("lspid", 10), " ", F_PID, 0, 6, 0, " " },
			{ L("lrpid", 10), "", F_PID, 1, 9, 0, "" } } },
		[MODE_CREATOR] = { "Message Queues Creators/Owners", {
			{ L("msqid", 10), " ", F_ID, 0, -10, 0, " " },
			{ L("perms", 10), " ", F_PERMS, 0, -10, 0, " " },
			{ L("cuid", 10), " ", F_USER, 1, -10, 0, " " },
			{ L("cgid", 10), " ", F_GROUP, 1, -10, 0, " " },
			{ L("uid", 10), " ", F_USER, 0, -10, 0, " " },
			{ L("gid", 10), "", F_GROUP, 0, -10, 0, "" } } },
	},
	[SYSV_SHM] = {
		[MODE_LIST] = { "Shared Memory Segments", {
			{ L("key", 10), " ", F_KEY, 0, -10, 0, " " },
			{ L("shmid", 10), " ", F_ID, 0, -10, 0, " " },
			{ L("owner", 10), " ", F_OWNER, 0, -10, 10, " " },
			{ L("perms", 10), " ", F_PERMS, 0, -10, 0, " " },
			{ "bytes", "size", -10, " ", F_SIZE, 0, -10, 0, " " },
			{ L("nattch", 10), " ", F_COUNT, 0, -10, 0, " " },
			{ L("status", 12), "", F_STATUS, 0, 0, 0, "" } } },
		[MODE_TIME] = { "Shared Memory Attach/Detach/Change Times", {
			{ L("shmid", 10), " ", F_ID, 0, -10, 0, " " },
			{ L("owner", 10), " ", F_OWNER, 0, -10, 10, " " },
			{ L("attached", 20), " ", F_SHORT_TIME, 0, -20, 0, " " },
			{ L("detached", 20), " ", F_SHORT_TIME, 1, -20, 0, " " },
			{ L("changed", 20), "", F_SHORT_TIME, 2, -20, 0, "" } } },
		[MODE_PID] = { "Shared Memory Creator/Last-op PIDs", {
			{ L("shmid", 10), " ", F_ID, 0, -10, 0, " " },
			{ L("owner", 10), " ", F_OWNER, 0, -10, 10, " " },
			{ L("cpid", 10), " ", F_PID, 0, -10, 0, " " },
			{ L("lpid", 10), "", F_PID, 1, -10, 0, "" } } },
		[MODE_CREATOR] = { "Shared Memory Segment Creators/Owners", {
			{ L("shmid", 10), " ", F_ID, 0, -10, 0, " " },
			{ L("perms", 10), " ", F_PERMS, 0, -10, 0, " " },
			{ L("cuid", 10), " ", F_USER, 1, -10, 0, " " },
			{ L("cgid", 10), " ", F_GROUP, 1, -10, 0, " " },
			{ L("uid", 10), " ", F_USER, 0, -10, 0, " " },
			{ L("gid", 10), "", F_GROUP, 0, -10, 0, "" } } },
	},
	[SYSV_SEM] = {
		[MODE_LIST] = { "Semaphore Arrays", {
			{ L("key", 10), " ", F_KEY, 0, -10, 0, " " },
			{ L("semid", 10), " ", F_ID, 0, -10, 0, " " },
			{ L("owner", 10), " ", F_OWNER, 0, -10, 10, " " },
			{ L("perms", 10), " ", F_PERMS, 0, -10, 0, " " },
			{ L("nsems", 10), "", F_SIZE, 0, -10, 0, "" } } },
		[MODE_TIME] = { "Semaphore Operation/Change Times", {
			{ L("semid", 8), " ", F_ID, 0, -8, 0, " " },
			{ L("owner", 10), " ", F_OWNER, 0, -10, 10, "  " },
			{ L("last-op", 26), " ", F_LONG_TIME, 0, -26, 0, " " },
			{ L("last-changed", 26), "", F_LONG_TIME, 1, -26, 0, "" } } },
		/* util-linux prints no PID section for semaphores. */
		[MODE_PID] = { NULL, { { NULL } } },
		[MODE_CREATOR] = { "Semaphore Arrays Creators/Owners", {
			{ L("semid", 10), " ", F_ID, 0, -10, 0, " " },
			{ L("perms", 10), " ", F_PERMS, 0, -10, 0, " " },
			{ L("cuid", 10), " ", F_USER, 1, -10, 0, " " },
			{ L("cgid", 10), " ", F_GROUP, 1, -10, 0, " " },
			{ L("uid", 10), " ", F_USER, 0, -10, 0, " " },
			{ L("gid", 10), "", F_GROUP, 0, -10, 0, "" } } },
	},
};

static const char spaces[] = "                                ";

static void put_padding(int n)
{
	while (n > 0) {
		int chunk = n < (int)sizeof(spaces) - 1 ? n : (int)sizeof(spaces) - 1;
		fwrite_unlocked(spaces, 1, chunk, stdout);
		n -= chunk;
	}
}

static void put_cell(const char *text, int width, int max, const char *sep)
{
	int len = strlen(text);
	if (max > 0 && len > max)
		len = max;
	if (width > 0)
		put_padding(width - len);
	fwrite_unlocked(text, 1, len, stdout);
	if (width < 0)
		put_padding(-width - len);
	fputs_unlocked(sep, stdout);
}

/* Decimal digits of v into buf (at least 21 bytes); returns buf. */
static char *format_u64(uint64_t v, char *buf)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = '0' + v % 10;
		v /= 10;
	} while (v);
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return buf;
}

static char *format_i64(int64_t v, char *buf)
{
	if (v >= 0)
		return format_u64(v, buf);
	buf[0] = '-';
	format_u64(-(uint64_t)v, buf + 1);
	return buf;
}

void format_human_size(uint64_t bytes, char *buf, size_t len)
{
	static const char units[] = "BKMGTPE";
	int exp = 0;
	while (exp < 60 && bytes >> (exp + 10))
		exp += 10;
	if (exp == 0) {
		snprintf(buf, len, "%" PRIu64 "B", bytes);
		return;
	}
	uint64_t whole = bytes >> exp;
	uint64_t frac = bytes & ((UINT64_C(1) << exp) - 1);
	/* Round the fraction to tenths; ties cannot happen for 2^exp/20. */
	unsigned tenths = (unsigned)(((unsigned __int128)frac * 10 + (UINT64_C(1) << (exp - 1))) >> exp);
	if (tenths == 10) {
		whole++;
		tenths = 0;
	}
	if (tenths)
		snprintf(buf, len, "%" PRIu64 ".%u%c", whole, tenths, units[exp / 10]);
	else
		snprintf(buf, len, "%" PRIu64 "%c", whole, units[exp / 10]);
}

/* ctime() text without the newline, or "Not set"; the last result is reused. */
static const char *long_time(int64_t t)
{
	static int64_t cached_t = -1;
	static char cached[32];
	if (t == 0)
		return "Not set";
	if (t != cached_t) {
		time_t tt = (time_t)t;
		struct tm tm;
		if (!localtime_r(&tt, &tm) || !strftime(cached, sizeof(cached), "%a %b %e %H:%M:%S %Y", &tm))
			snprintf(cached, sizeof(cached), "%" PRId64, t);
		cached_t = t;
	}
	return cached;
}

/* "Nov 26 05:59:32": the month-to-seconds part of the ctime() text. */
static const char *short_time(int64_t t, char *buf)
{
	const char *full = long_time(t);
	if (t == 0)
		return full;
	snprintf(buf, 16, "%.15s", full + 4);
	return buf;
}

static const char *user_text(uint32_t uid, bool numeric, char *buf)
{
	const char *name = numeric ? NULL : user_name(uid);
	return name ? name : format_u64(uid, buf);
}

static const char *group_text(uint32_t gid, bool numeric, char *buf)
{
	const char *name = numeric ? NULL : group_name(gid);
	return name ? name : format_u64(gid, buf);
}

static const char *cell_text(const struct cell *c, const struct sysv_object *o,
			     const struct render_opts *opts, char *buf, size_t len)
{
	switch (c->field) {
	case F_KEY:
		snprintf(buf, len, "0x%08x", (uint32_t)o->key);
		return buf;
	case F_ID:
		return format_i64(o->id, buf);
	case F_OWNER:
		return user_text(o->uid, opts->numeric, buf);
	case F_PERMS:
		snprintf(buf, len, "%o", o->mode & 0777);
		return buf;
	case F_SIZE:
		if (opts->unit == UNIT_HUMAN && o->kind != SYSV_SEM) {
			char human[32];
			format_human_size(o->size, human, sizeof(human));
			snprintf(buf, len, "%6s", human);
			return buf;
		}
		return format_u64(o->size, buf);
	case F_COUNT:
		return format_u64(o->count, buf);
	case F_STATUS:
		snprintf(buf, len, "%s%s", o->mode & SYSV_MODE_DEST ? "dest   " : "       ",
			 o->mode & SYSV_MODE_LOCKED ? "locked" : "      ");
		return buf;
	case F_SHORT_TIME:
		return short_time(o->times[c->arg], buf);
	case F_LONG_TIME:
		return long_time(o->times[c->arg]);
	case F_PID:
		return format_i64(o->pids[c->arg], buf);
	case F_USER:
		return user_text(c->arg ? o->cuid : o->uid, opts->numeric, buf);
	case F_GROUP:
		return group_text(c->arg ? o->cgid : o->gid, opts->numeric, buf);
	case F_NONE:
		break;
	}
	return "";
}

static const struct layout *layout_of(enum sysv_kind kind, const struct render_opts *opts)
{
	if (opts->mode > MODE_CREATOR || !layouts[kind][opts->mode].title)
		return NULL;
	return &layouts[kind][opts->mode];
}

void render_section_begin(enum sysv_kind kind, const struct render_opts *opts)
{
	const struct layout *l = layout_of(kind, opts);
	if (!l)
		return;
	printf("------ %s --------\n", l->title);
	for (const struct cell *c = l->cells; c->label; c++) {
		const char *label = opts->unit == UNIT_HUMAN && c->human_label ? c->human_label : c->label;
		put_cell(label, c->hwidth, 0, c->hsep);
	}
	putchar_unlocked('\n');
}

void render_row(const struct sysv_object *o, const struct render_opts *opts)
{
	const struct layout *l = layout_of(o->kind, opts);
	if (!l)
		return;
	for (const struct cell *c = l->cells; c->label; c++) {
		char buf[64];
		put_cell(cell_text(c, o, opts, buf, sizeof(buf)), c->width, c->max, c->sep);
	}
	putchar_unlocked('\n');
}

void render_section_end(enum sysv_kind kind, const struct render_opts *opts)
{
	(void)kind;
	(void)opts;
	putchar_unlocked('\n');
}

/*
 * A byte count in a "-l"/"-u" line: "LABEL (UNIT) = N", or with --human
 * "LABEL = 1.5K".  kbytes_by_default mirrors util-linux's -l for segments.
 */
static void size_line(const char *label, uint64_t bytes, bool kbytes_by_default,
		      const struct render_opts *opts)
{
	char human[32];
	switch (opts->unit) {
	case UNIT_HUMAN:
		format_human_size(bytes, human, sizeof(human));
		printf("%s = %s\n", label, human);
		break;
	case UNIT_DEFAULT:
		if (kbytes_by_default) {
			printf("%s (kbytes) = %" PRIu64 "\n", label, bytes / 1024);
			break;
		}
		/* fall through */
	case UNIT_BYTES:
		printf("%s (bytes) = %" PRIu64 "\n", label, bytes);
		break;
	}
}

/* pages * factor, saturating at the largest multiple of factor (as util-linux). */
static uint64_t saturating_product(uint64_t pages, uint64_t factor)
{
	if (factor && pages > UINT64_MAX / factor)
		pages = UINT64_MAX / factor;
	return pages * factor;
}

void render_limits(enum sysv_kind kind, const struct sysv_limits *l, const struct render_opts *opts)
{
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	switch (kind) {
	case SYSV_MSG:
		printf("------ Messages Limits --------\n");
		printf("max queues system wide = %" PRIu64 "\n", l->msgmni);
		size_line("max size of message", l->msgmax, false, opts);
		size_line("default max size of queue", l->msgmnb, false, opts);
		break;
	case SYSV_SHM:
		printf("------ Shared Memory Limits --------\n");
		printf("max number of segments = %" PRIu64 "\n", l->shmmni);
		size_line("max seg size", l->shmmax, true, opts);
		if (opts->unit == UNIT_DEFAULT)
			printf("max total shared memory (kbytes) = %" PRIu64 "\n",
			       saturating_product(l->shmall, page / 1024));
		else
			size_line("max total shared memory", saturating_product(l->shmall, page), false, opts);
		size_line("min seg size", l->shmmin, false, opts);
		break;
	case SYSV_SEM:
		printf("------ Semaphore Limits --------\n");
		printf("max number of arrays = %" PRIu64 "\n", l->semmni);
		printf("max semaphores per array = %" PRIu64 "\n", l->semmsl);
		printf("max semaphores system wide = %" PRIu64 "\n", l->semmns);
		printf("max ops per semop call = %" PRIu64 "\n", l->semopm);
		printf("semaphore max value = %" PRIu64 "\n", l->semvmx);
		break;
	default:
		break;
	}
	putchar('\n');
}

void render_summary(enum sysv_kind kind, const struct sysv_summary *s, const struct render_opts *opts)
{
	switch (kind) {
	case SYSV_MSG:
		printf("------ Messages Status --------\n");
		printf("allocated queues = %" PRIu64 "\n", s->msg_queues);
		printf("used headers = %" PRIu64 "\n", s->msg_headers);
		if (opts->unit == UNIT_DEFAULT)
			printf("used space = %" PRIu64 " bytes\n", s->msg_bytes);
		else
			size_line("used space", s->msg_bytes, false, opts);
		break;
	case SYSV_SHM:
		printf("------ Shared Memory Status --------\n");
		printf("segments allocated %" PRIu64 "\n", s->shm_segments);
		printf("pages allocated %" PRIu64 "\n", s->shm_pages);
		printf("pages resident  %" PRIu64 "\n", s->shm_resident);
		printf("pages swapped   %" PRIu64 "\n", s->shm_swapped);
		printf("Swap performance: %" PRIu64 " attempts\t %" PRIu64 " successes\n",
		       s->swap_attempts, s->swap_successes);
		break;
	case SYSV_SEM:
		printf("------ Semaphore Status --------\n");
		printf("used arrays = %" PRIu64 "\n", s->sem_arrays);
		printf("allocated semaphores = %" PRIu64 "\n", s->sem_total);
		break;
	default:
		break;
	}
	putchar('\n');
}

void render_details(const struct sysv_object *o, const struct sysv_semval *values)
{
	switch (o->kind) {
	case SYSV_SHM:
		printf("\nShared memory Segment shmid=%d\n", o->id);
		printf("uid=%u\tgid=%u\tcuid=%u\tcgid=%u\n", o->uid, o->gid, o->cuid, o->cgid);
		printf("mode=%#o\taccess_perms=%#o\n", o->mode, o->mode & 0777);
		printf("bytes=%" PRIu64 "\tlpid=%" PRId64 "\tcpid=%" PRId64 "\tnattch=%" PRIu64 "\n",
		       o->size, o->pids[1], o->pids[0], o->count);
		printf("att_time=%-26s\n", long_time(o->times[0]));
		printf("det_time=%-26s\n", long_time(o->times[1]));
		printf("change_time=%-26s\n", long_time(o->times[2]));
		break;
	case SYSV_MSG:
		printf("\nMessage Queue msqid=%d\n", o->id);
		printf("uid=%u\tgid=%u\tcuid=%u\tcgid=%u\tmode=%#o\n", o->uid, o->gid, o->cuid, o->cgid, o->mode);
		printf("cbytes=%" PRIu64 "\tqbytes=%" PRIu64 "\tqnum=%" PRIu64 "\tlspid=%" PRId64 "\tlrpid=%" PRId64 "\n",
		       o->size, o->qbytes, o->count, o->pids[0], o->pids[1]);
		printf("send_time=%-26s\n", long_time(o->times[0]));
		printf("rcv_time=%-26s\n", long_time(o->times[1]));
		printf("change_time=%-26s\n", long_time(o->times[2]));
		break;
	case SYSV_SEM:
		printf("\nSemaphore Array semid=%d\n", o->id);
		printf("uid=%u\t gid=%u\t cuid=%u\t cgid=%u\n", o->uid, o->gid, o->cuid, o->cgid);
		printf("mode=%#o, access_perms=%#o\n", o->mode, o->mode & 0777);
		printf("nsems = %" PRIu64 "\n", o->size);
		printf("otime = %-26s\n", long_time(o->times[0]));
		printf("ctime = %-26s\n", long_time(o->times[1]));
		printf("%-10s %-10s %-10s %-10s %-10s\n", "semnum", "value", "ncount", "zcount", "pid");
		for (uint64_t i = 0; values && i < o->size; i++)
			printf("%-10" PRIu64 " %-10d %-10d %-10d %-10d\n", i, values[i].value,
			       values[i].ncount, values[i].zcount, values[i].pid);
		break;
	default:
		break;
	}
	putchar('\n');
}
