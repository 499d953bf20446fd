/*
 * ipcs output: one entry point for both formats.  Text rows are table.c's,
 * JSON members render-json.c's, -l/-u facts.c's, -i/--name details.c's;
 * all of them read objects through the field catalogue (fields.c).
 * Renderers only format what the data modules gathered; they never call
 * the kernel.
 */
#define _GNU_SOURCE
#include <stdio.h>

#include "src/render-int.h"
#include "src/util.h"

bool render_shows(enum ipc_kind kind, const struct render_opts *opts)
{
	if (!kind_is_posix(kind))
		return true;
	if (opts->mode == MODE_SUMMARY || opts->mode == MODE_LIMITS || opts->details)
		return true;
	/* JSON lists every object whatever the row mode. */
	return opts->json || table_has_layout(kind, opts);
}

void render_begin(const struct render_opts *opts)
{
	if (!opts->json) {
		if (!opts->details)
			putchar('\n');
		return;
	}
	json_open_object(&render_doc, NULL);
	if (opts->details)
		return;
	if (opts->mode == MODE_LIMITS)
		json_open_object(&render_doc, "limits");
	else if (opts->mode == MODE_SUMMARY)
		json_open_object(&render_doc, "summary");
}

void render_end(const struct render_opts *opts)
{
	if (!opts->json)
		return;
	if (!opts->details && (opts->mode == MODE_LIMITS || opts->mode == MODE_SUMMARY))
		json_close_object(&render_doc);
	json_close_object(&render_doc);
}

void render_section_begin(enum ipc_kind kind, const struct render_opts *opts)
{
	if (opts->json)
		json_open_array(&render_doc, kinds[kind].json_key);
	else
		table_header(kind, opts);
}

void render_item(const struct ipc_item *it, const struct render_opts *opts)
{
	if (!opts->json) {
		table_row(it, opts);
		if (it->holders)
			table_holders(it);
		return;
	}
	json_open_object(&render_doc, NULL);
	json_item(it, opts);
	json_close_object(&render_doc);
}

void render_uninspected(size_t count, const struct render_opts *opts)
{
	if (opts->json)
		json_uint(&render_doc, "uninspected_processes", count);
	else if (count)
		warnx("%zu processes could not be inspected (exited, or not readable by this user)", count);
}

void render_section_end(enum ipc_kind kind, const struct render_opts *opts)
{
	(void)kind;
	if (opts->json)
		json_close_array(&render_doc);
	else
		putchar_unlocked('\n');
}
