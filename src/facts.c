/* ipcs -l and -u: each block a list of facts, one list for text and JSON. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <unistd.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/out.h"
#include "src/render-int.h"

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
		out_printf(_("%s = %s\n"), label, human);
		break;
	case UNIT_DEFAULT:
		if (kbytes_by_default) {
			out_printf(_("%s (kbytes) = %" PRIu64 "\n"), label, bytes / 1024);
			break;
		}
		/* fall through */
	case UNIT_BYTES:
		out_printf(_("%s (bytes) = %" PRIu64 "\n"), label, bytes);
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

/*
 * The -l and -u blocks: each line is a fact with its text label and its JSON
 * key, so text and JSON come from one list.  A NULL label is JSON only, a
 * NULL key text only.
 */
enum fact_style {
	FACT_NUMBER,		/* LABEL N (the label carries its " = ") */
	FACT_BYTES,		/* size_line(): (bytes), or --human */
	FACT_KBYTES,		/* size_line() in kbytes by default (-l of segments) */
	FACT_SHM_TOTAL,		/* value is pages: util-linux's saturating product */
	FACT_USED_SPACE,	/* "used space = N bytes", or size_line() */
	FACT_SWAP,		/* "Swap performance: ..." with value and value2 */
	FACT_NOTE,		/* text: the label alone; JSON: KEY true */
};

struct fact {
	const char *label, *key;
	enum fact_style style;
	uint64_t value, value2;
};

static void render_facts(enum ipc_kind kind, const char *title, const struct fact *facts,
			 size_t count, const struct render_opts *opts)
{
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	if (opts->json) {
		json_open_object(&render_doc, kinds[kind].json_key);
		for (const struct fact *f = facts; f < facts + count; f++)
			if (f->key && f->style == FACT_NOTE)
				json_bool(&render_doc, f->key, true);
			else if (f->key)
				json_uint(&render_doc, f->key, f->style == FACT_SHM_TOTAL ?
					  saturating_product(f->value, page) : f->value);
		json_close_object(&render_doc);
		return;
	}
	out_printf("------ %s --------\n", _(title));
	for (const struct fact *f = facts; f < facts + count; f++) {
		if (!f->label)
			continue;
		const char *label = _(f->label);
		switch (f->style) {
		case FACT_NUMBER:
			out_printf("%s%" PRIu64 "\n", label, f->value);
			break;
		case FACT_BYTES:
		case FACT_KBYTES:
			size_line(label, f->value, f->style == FACT_KBYTES, opts);
			break;
		case FACT_SHM_TOTAL:
			if (opts->unit == UNIT_DEFAULT)
				out_printf(_("%s (kbytes) = %" PRIu64 "\n"), label,
					   saturating_product(f->value, page / 1024));
			else
				size_line(label, saturating_product(f->value, page), false, opts);
			break;
		case FACT_USED_SPACE:
			if (opts->unit == UNIT_DEFAULT)
				out_printf(_("%s = %" PRIu64 " bytes\n"), label, f->value);
			else
				size_line(label, f->value, false, opts);
			break;
		case FACT_SWAP:
			out_printf(_("%s%" PRIu64 " attempts\t %" PRIu64 " successes\n"), label, f->value, f->value2);
			break;
		case FACT_NOTE:
			out_str(label);
			out_char('\n');
			break;
		}
	}
	out_char('\n');
}

/* TITLE is the kind's limits_title or summary_title: the mode says which. */
#define RENDER_FACTS(kind, ...) do { \
		const struct fact f_[] = { __VA_ARGS__ }; \
		render_facts(kind, opts->mode == MODE_LIMITS ? kinds[kind].limits_title \
			     : kinds[kind].summary_title, f_, ARRAY_SIZE(f_), opts); \
	} while (0)

void render_limits(enum ipc_kind kind, const struct sysv_limits *l, const struct render_opts *opts)
{
	switch (kind) {
	case KIND_MSG:
		RENDER_FACTS(KIND_MSG,
			/* TRANSLATORS: ipcs -l and -u lines are "LABEL = N", "LABEL (bytes) = N" and
			 * the like: a label that ends in " = " (or spaces) keeps that ending. */
			{ N_("max queues system wide = "), "max_queues", FACT_NUMBER, l->msgmni, 0 },
			{ N_("max size of message"), "max_message_size", FACT_BYTES, l->msgmax, 0 },
			{ N_("default max size of queue"), "max_queue_size", FACT_BYTES, l->msgmnb, 0 });
		break;
	case KIND_SHM:
		RENDER_FACTS(KIND_SHM,
			{ N_("max number of segments = "), "max_segments", FACT_NUMBER, l->shmmni, 0 },
			{ N_("max seg size"), "max_segment_size", FACT_KBYTES, l->shmmax, 0 },
			{ NULL, "max_total_pages", FACT_NUMBER, l->shmall, 0 },
			{ N_("max total shared memory"), "max_total_size", FACT_SHM_TOTAL, l->shmall, 0 },
			{ N_("min seg size"), "min_segment_size", FACT_BYTES, l->shmmin, 0 });
		break;
	case KIND_SEM:
		RENDER_FACTS(KIND_SEM,
			{ N_("max number of arrays = "), "max_arrays", FACT_NUMBER, l->semmni, 0 },
			{ N_("max semaphores per array = "), "max_semaphores_per_array", FACT_NUMBER, l->semmsl, 0 },
			{ N_("max semaphores system wide = "), "max_semaphores", FACT_NUMBER, l->semmns, 0 },
			{ N_("max ops per semop call = "), "max_ops_per_call", FACT_NUMBER, l->semopm, 0 },
			{ N_("semaphore max value = "), "max_value", FACT_NUMBER, l->semvmx, 0 });
		break;
	default:
		break;
	}
}

void render_summary(enum ipc_kind kind, const struct sysv_summary *s, const struct render_opts *opts)
{
	switch (kind) {
	case KIND_MSG:
		RENDER_FACTS(KIND_MSG,
			{ N_("allocated queues = "), "queues", FACT_NUMBER, s->msg_queues, 0 },
			{ N_("used headers = "), "headers", FACT_NUMBER, s->msg_headers, 0 },
			{ N_("used space"), "used_bytes", FACT_USED_SPACE, s->msg_bytes, 0 });
		break;
	case KIND_SHM:
		RENDER_FACTS(KIND_SHM,
			{ N_("segments allocated "), "segments", FACT_NUMBER, s->shm_segments, 0 },
			{ N_("pages allocated "), "pages", FACT_NUMBER, s->shm_pages, 0 },
			{ N_("pages resident  "), "resident_pages", FACT_NUMBER, s->shm_resident, 0 },
			{ N_("pages swapped   "), "swapped_pages", FACT_NUMBER, s->shm_swapped, 0 },
			{ N_("Swap performance: "), NULL, FACT_SWAP, s->swap_attempts, s->swap_successes },
			{ NULL, "swap_attempts", FACT_NUMBER, s->swap_attempts, 0 },
			{ NULL, "swap_successes", FACT_NUMBER, s->swap_successes, 0 });
		break;
	case KIND_SEM:
		RENDER_FACTS(KIND_SEM,
			{ N_("used arrays = "), "arrays", FACT_NUMBER, s->sem_arrays, 0 },
			{ N_("allocated semaphores = "), "semaphores", FACT_NUMBER, s->sem_total, 0 });
		break;
	default:
		break;
	}
}

void render_posix_limits(enum ipc_kind kind, const struct posix_limits *l, const struct render_opts *opts)
{
	switch (kind) {
	case KIND_PMSG:
		RENDER_FACTS(KIND_PMSG,
			{ N_("max queues system wide = "), "max_queues", FACT_NUMBER, l->queues_max, 0 },
			{ N_("max messages per queue = "), "max_messages", FACT_NUMBER, l->msg_max, 0 },
			{ N_("max size of message"), "max_message_size", FACT_BYTES, l->msgsize_max, 0 },
			{ N_("default max messages per queue = "), "default_max_messages", FACT_NUMBER, l->msg_default, 0 },
			{ N_("default max size of message"), "default_max_message_size", FACT_BYTES, l->msgsize_default, 0 });
		break;
	case KIND_PSHM:
		/* Segments are tmpfs files: the file system's size is the limit. */
		RENDER_FACTS(KIND_PSHM,
			{ N_("max total shared memory"), "max_total_size", FACT_BYTES, l->fs_size, 0 },
			{ N_("available shared memory"), "available_size", FACT_BYTES, l->fs_available, 0 });
		break;
	case KIND_PSEM:
		RENDER_FACTS(KIND_PSEM,
			{ N_("semaphore max value = "), "max_value", FACT_NUMBER, l->sem_value_max, 0 });
		break;
	default:
		break;
	}
}

/* Only when the total saturated: the real one is larger. */
#define CAPPED_NOTE(s, note, key) (s)->capped ? note : NULL, (s)->capped ? key : NULL, FACT_NOTE, 0, 0

void render_posix_summary(enum ipc_kind kind, const struct posix_summary *s, const struct render_opts *opts)
{
	switch (kind) {
	case KIND_PMSG:
		RENDER_FACTS(KIND_PMSG,
			{ N_("queues = "), "queues", FACT_NUMBER, s->objects, 0 },
			{ NULL, "used_bytes", FACT_NUMBER, s->bytes, 0 },
			{ N_("messages = "), "messages", FACT_NUMBER, s->messages, 0 },
			{ N_("used space"), NULL, FACT_USED_SPACE, s->bytes, 0 },
			{ CAPPED_NOTE(s, N_("(used space is larger: the total exceeds 2^64-1 bytes)"), "used_bytes_capped") },
			/* Partial totals say so; JSON always has the member. */
			{ s->unreadable ? N_("not counted (not readable by this user) = ") : NULL, "unreadable",
			  FACT_NUMBER, s->unreadable, 0 });
		break;
	case KIND_PSHM:
		/* Used space is memory (st_blocks): a sparse 1 GiB file uses what was written. */
		RENDER_FACTS(KIND_PSHM,
			{ N_("objects = "), "objects", FACT_NUMBER, s->objects, 0 },
			{ N_("used space"), "used_bytes", FACT_USED_SPACE, s->allocated, 0 },
			{ N_("total size"), "size_bytes", FACT_USED_SPACE, s->bytes, 0 },
			{ CAPPED_NOTE(s, N_("(total size is larger: the total exceeds 2^64-1 bytes)"), "size_bytes_capped") });
		break;
	case KIND_PSEM:
		RENDER_FACTS(KIND_PSEM,
			{ N_("semaphores = "), "semaphores", FACT_NUMBER, s->objects, 0 },
			{ s->unreadable ? N_("values not readable by this user = ") : NULL, "unreadable",
			  FACT_NUMBER, s->unreadable, 0 });
		break;
	default:
		break;
	}
}

