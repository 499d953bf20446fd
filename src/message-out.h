#ifndef IPCBOX_MESSAGE_OUT_H
#define IPCBOX_MESSAGE_OUT_H

/*
 * One message as text or JSON, the same for ipcs --messages (copies) and
 * ipcbox receive (received): "type=1\tsize=5\tdata=hello" with the bytes
 * escaped, or the JSON members with the bytes in base64.
 */
#include <stddef.h>

#include "src/json.h"

/*
 * LABEL=VALUE, size, the first SHOWN of SIZE bytes of DATA escaped (BUF:
 * ESCAPED_SIZE(SHOWN) bytes), and "(first N bytes)" when cut; the newline.
 */
void out_message_text(const char *label, long long value, const void *data, size_t size, size_t shown,
		      char *buf, size_t len);

/* The members LABEL, "size" and "data_base64" into J's open object. */
void json_message(struct json *j, const char *label, long long value, const void *data, size_t size);

#endif
