/*
 * ipcs output: one entry point for both formats.  Text rows are table.c's,
 * JSON members render-json.c's, -l/-u facts.c's, -i/--name details.c's;
 * all of them read objects through the field catalogue (fields.c).
 * Renderers only format what the data modules gathered; they never call
 * the kernel.
 */
#define _GNU_SOURCE
#include <inttypes.h>

#include "src/format.h"
#include "src/holders.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/namespace.h"
#include "src/out.h"
#include "src/render-int.h"

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
			out_char('\n');
		return;
	}
	if (!opts->embedded)
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
	if (!opts->embedded)
		json_close_object(&render_doc);
}

/*
 * --all-namespaces.  Text: each namespace's usual output under a header
 * line.  JSON: {"namespaces": [{namespace facts, the usual members}...]};
 * each block is written by a child process, so the parent writes the
 * frame and each child starts its writer inside the array.
 */
void render_namespaces_begin(const struct render_opts *opts)
{
	if (!opts->json)
		return;
	json_open_object(&render_doc, NULL);
	json_open_array(&render_doc, "namespaces");
}

void render_namespaces_end(const struct render_opts *opts)
{
	if (!opts->json)
		return;
	/* The children wrote the elements: the array is not empty. */
	json_continue(&render_doc, true);
	json_close_array(&render_doc);
	json_close_object(&render_doc);
}

void render_namespace_begin(const struct ns_info *ns, bool first, const struct render_opts *opts)
{
	char command[ESCAPED_SIZE(sizeof(ns->command))];
	if (!opts->json) {
		escape_name(ns->command, command, sizeof(command));
		/* Ours comes first; its lowest visible pid may be a kernel thread: say whose it is. */
		if (first)
			/* TRANSLATORS: as below, for the namespace ipcs runs in */
			out_printf(_("====== IPC namespace %" PRIu64 " (this namespace): pid %d (%s)%s%s ======\n"),
				   ns->inode, (int)ns->pid, command, ns->container[0] ? ", " : "",
				   escape_arg(ns->container));
		else
			/* TRANSLATORS: inode, pid, command, then ", docker 0123abcd" or nothing */
			out_printf(_("\n====== IPC namespace %" PRIu64 ": pid %d (%s)%s%s ======\n"),
				   ns->inode, (int)ns->pid, command, ns->container[0] ? ", " : "",
				   escape_arg(ns->container));
		return;
	}
	/*
	 * Inside the parent's {"namespaces": [ ...; a child process has not
	 * seen the elements the namespaces before wrote.
	 */
	json_continue(&render_doc, !first);
	json_open_object(&render_doc, NULL);
	json_uint(&render_doc, "namespace", ns->inode);
	json_bool(&render_doc, "this_namespace", first);
	json_int(&render_doc, "pid", ns->pid);
	json_string(&render_doc, "command", ns->command);
	if (ns->container[0])
		json_string(&render_doc, "container", ns->container);
}

void render_namespace_end(const struct render_opts *opts)
{
	if (opts->json)
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

void render_uninspected(size_t count, const struct holder *shown, size_t nshown, const struct render_opts *opts)
{
	if (opts->json) {
		json_uint(&render_doc, "uninspected_processes", count);
		return;
	}
	if (!count)
		return;
	/* "1 (process_api), 77 (sshd), 80 (cron) and 5 more": commands escaped, as every name. */
	char list[512] = "";
	size_t len = 0;
	for (size_t i = 0; i < nshown && len < sizeof(list); i++) {
		char command[ESCAPED_SIZE(sizeof(shown[i].command))];
		escape_name(shown[i].command, command, sizeof(command));
		int w = snprintf(list + len, sizeof(list) - len, "%s%lld (%s)", i ? ", " : "",
				 (long long)shown[i].pid, command);
		len += w > 0 ? (size_t)w : 0;
	}
	if (count > nshown && len < sizeof(list))
		/* TRANSLATORS: after the pids and commands of the first processes */
		snprintf(list + len, sizeof(list) - len, P_(" and %zu more", " and %zu more", count - nshown),
			 count - nshown);
	/* TRANSLATORS: English keeps "processes" for every count, even 1; give each
	 * of your language's plural forms its right wording.  The last %s lists them. */
	warnx(P_("%zu processes could not be inspected (not readable by this user): %s",
		 "%zu processes could not be inspected (not readable by this user): %s", count), count, list);
}

void render_section_end(enum ipc_kind kind, const struct render_opts *opts)
{
	(void)kind;
	if (opts->json)
		json_close_array(&render_doc);
	else
		out_char('\n');
}
