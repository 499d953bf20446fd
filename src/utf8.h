#ifndef IPCBOX_UTF8_H
#define IPCBOX_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Length of the well-formed UTF-8 sequence at S (at most N bytes): 1 to 4,
 * or 0 if S does not start one (stray, overlong, surrogate, > U+10FFFF).
 */
size_t utf8_sequence_length(const unsigned char *s, size_t n);

/* Code point of a well-formed sequence of LEN (1..4) bytes. */
uint32_t utf8_code_point(const unsigned char *s, size_t len);

/* C1 controls and the invisible or reordering characters escapers hide. */
bool unicode_hidden_control(uint32_t cp);

#endif
