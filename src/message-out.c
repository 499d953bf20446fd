/* One message as text or JSON (see message-out.h). */
#include <stdlib.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/message-out.h"
#include "src/out.h"

void out_message_text(const char *label, long long value, const void *data, size_t size, size_t shown,
		      char *buf, size_t len)
{
	out_printf("%s=%lld\tsize=%zu\tdata=", label, value, size);
	out_str(escape_bytes(data, shown, buf, len));
	if (shown < size)
		out_printf(P_("\t(first %zu bytes)", "\t(first %zu bytes)", shown), shown);
	out_char('\n');
}

void json_message(struct json *j, const char *label, long long value, const void *data, size_t size)
{
	char *b64 = base64_alloc(data, size);
	json_int(j, label, value);
	json_uint(j, "size", size);
	json_string(j, "data_base64", b64);
	free(b64);
}
