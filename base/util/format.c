/*
 * \brief  printf-like formatting engine: parse a format, write through a sink
 */

#include <stdbool.h>
#include <stdint.h>

#include <util/format.h>
#include <util/string.h>

/* the formatter carries every integer as a 64-bit magnitude plus a sign */
_Static_assert(sizeof(long long) == sizeof(uint64_t), "long long must be 64 bit");
_Static_assert(sizeof(ptrdiff_t) == sizeof(size_t), "%zd reads a ptrdiff_t");

/* C gives widths and precisions as int; saturate there so nothing wraps */
#define FIELD_MAX 0x7fffffffu

enum {
	FLAG_LEFT = 1u << 0,  /* '-' */
	FLAG_ZERO = 1u << 1,  /* '0' */
	FLAG_PLUS = 1u << 2,  /* '+' */
	FLAG_SPACE = 1u << 3, /* ' ' */
	FLAG_ALT = 1u << 4,   /* '#' */
};

enum length { LENGTH_INT, LENGTH_LONG, LENGTH_LLONG, LENGTH_SIZE };

struct spec {
	unsigned flags;
	size_t width;
	size_t precision;
	bool has_precision;
	enum length length;
	char conv;
};

struct sink {
	format_out_fn fn;
	void *ctx;
};

static void
emit(const struct sink *out, const char *s, size_t len)
{
	if (len > 0)
		out->fn(out->ctx, s, len);
}

static void
emit_fill(const struct sink *out, char c, size_t n)
{
	static const char spaces[] = "                ";
	static const char zeros[] = "0000000000000000";
	const char *chunk = c == '0' ? zeros : spaces;
	while (n > 0) {
		size_t len = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		emit(out, chunk, len);
		n -= len;
	}
}

/* body is what the conversion prints itself; the rest of the width is blank */
static void
pad_before(const struct sink *out, const struct spec *spec, size_t body)
{
	if (!(spec->flags & FLAG_LEFT) && spec->width > body)
		emit_fill(out, ' ', spec->width - body);
}

static void
pad_after(const struct sink *out, const struct spec *spec, size_t body)
{
	if ((spec->flags & FLAG_LEFT) && spec->width > body)
		emit_fill(out, ' ', spec->width - body);
}

static size_t
parse_decimal(const char **p)
{
	size_t v = 0;
	for (; char_is_digit(**p); (*p)++) {
		size_t d = (size_t)(**p - '0');
		v = v > (FIELD_MAX - d) / 10 ? FIELD_MAX : v * 10 + d;
	}
	return v;
}

static const char *
parse_flags(const char *p, unsigned *flags)
{
	for (;; p++) {
		switch (*p) {
		case '-':
			*flags |= FLAG_LEFT;
			break;
		case '0':
			*flags |= FLAG_ZERO;
			break;
		case '+':
			*flags |= FLAG_PLUS;
			break;
		case ' ':
			*flags |= FLAG_SPACE;
			break;
		case '#':
			*flags |= FLAG_ALT;
			break;
		default:
			return p;
		}
	}
}

static const char *
parse_width(const char *p, struct spec *spec, va_list *ap)
{
	if (*p != '*') {
		spec->width = parse_decimal(&p);
		return p;
	}
	/* a negative '*' width means left-justify (C11 7.21.6.1) */
	int w = va_arg(*ap, int);
	if (w < 0)
		spec->flags |= FLAG_LEFT;
	/* negate in unsigned arithmetic so that INT_MIN is defined */
	spec->width = w < 0 ? 0u - (unsigned)w : (unsigned)w;
	if (spec->width > FIELD_MAX)
		spec->width = FIELD_MAX;
	return p + 1;
}

static const char *
parse_precision(const char *p, struct spec *spec, va_list *ap)
{
	spec->has_precision = false;
	spec->precision = 0;
	if (*p != '.')
		return p;
	p++;
	if (*p != '*') {
		spec->has_precision = true; /* "." alone means a precision of 0 */
		spec->precision = parse_decimal(&p);
		return p;
	}
	/* a negative '*' precision counts as none given */
	int prec = va_arg(*ap, int);
	spec->has_precision = prec >= 0;
	spec->precision = prec >= 0 ? (size_t)prec : 0;
	return p + 1;
}

static const char *
parse_length(const char *p, enum length *length)
{
	*length = LENGTH_INT;
	if (p[0] == 'l' && p[1] == 'l') {
		*length = LENGTH_LLONG;
		return p + 2;
	}
	if (p[0] == 'l' || p[0] == 'z') {
		*length = p[0] == 'l' ? LENGTH_LONG : LENGTH_SIZE;
		return p + 1;
	}
	return p;
}

/* p follows the '%'; returns what follows the conversion (or the final NUL) */
static const char *
parse_spec(const char *p, struct spec *spec, va_list *ap)
{
	spec->flags = 0;
	p = parse_flags(p, &spec->flags);
	p = parse_width(p, spec, ap);
	p = parse_precision(p, spec, ap);
	p = parse_length(p, &spec->length);
	spec->conv = *p;
	return *p ? p + 1 : p;
}

static uint64_t
fetch_unsigned(enum length length, va_list *ap)
{
	switch (length) {
	case LENGTH_LONG:
		return va_arg(*ap, unsigned long);
	case LENGTH_LLONG:
		return va_arg(*ap, unsigned long long);
	case LENGTH_SIZE:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned);
	}
}

/* the magnitude of a signed argument, negated unsigned so INT64_MIN is fine */
static uint64_t
fetch_signed(enum length length, va_list *ap, bool *negative)
{
	long long v;
	switch (length) {
	case LENGTH_LONG:
		v = va_arg(*ap, long);
		break;
	case LENGTH_LLONG:
		v = va_arg(*ap, long long);
		break;
	case LENGTH_SIZE:
		v = va_arg(*ap, ptrdiff_t);
		break;
	default:
		v = va_arg(*ap, int);
		break;
	}
	*negative = v < 0;
	return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

/* writes the digits backwards ending at end, returns their count */
static size_t
convert_digits(char *end, uint64_t v, unsigned base, bool upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	size_t n = 0;
	do {
		*--end = set[v % base];
		v /= base;
		n++;
	} while (v);
	return n;
}

/* head is the sign and/or "0x", which zero padding goes behind */
static void
emit_integer(const struct sink *out, const struct spec *spec, const char *head, size_t head_len,
             uint64_t mag)
{
	char digits[24];
	bool decimal = spec->conv == 'd' || spec->conv == 'i' || spec->conv == 'u';
	size_t n = 0;
	/* C prints nothing at all for a zero value with a zero precision */
	if (mag != 0 || !spec->has_precision || spec->precision != 0)
		n = convert_digits(digits + sizeof(digits), mag, decimal ? 10 : 16,
		                   spec->conv == 'X');

	size_t zeros = spec->has_precision && spec->precision > n ? spec->precision - n : 0;
	size_t body = head_len + zeros + n;
	/* '0' is ignored with '-' and, for integers, with a precision */
	bool zero_pad =
	        (spec->flags & FLAG_ZERO) && !(spec->flags & FLAG_LEFT) && !spec->has_precision;
	if (zero_pad && spec->width > body) {
		zeros += spec->width - body;
		body = spec->width;
	}
	pad_before(out, spec, body);
	emit(out, head, head_len);
	emit_fill(out, '0', zeros);
	emit(out, digits + sizeof(digits) - n, n);
	pad_after(out, spec, body);
}

static void
format_integer(const struct sink *out, const struct spec *spec, va_list *ap)
{
	char head[3];
	size_t head_len = 0;
	bool negative = false;
	uint64_t mag;

	if (spec->conv == 'd' || spec->conv == 'i') {
		mag = fetch_signed(spec->length, ap, &negative);
		if (negative)
			head[head_len++] = '-';
		else if (spec->flags & FLAG_PLUS)
			head[head_len++] = '+';
		else if (spec->flags & FLAG_SPACE)
			head[head_len++] = ' ';
	} else {
		mag = fetch_unsigned(spec->length, ap);
	}
	if ((spec->conv == 'x' || spec->conv == 'X') && (spec->flags & FLAG_ALT) && mag != 0) {
		head[head_len++] = '0';
		head[head_len++] = spec->conv;
	}
	emit_integer(out, spec, head, head_len, mag);
}

static void
format_pointer(const struct sink *out, const struct spec *spec, va_list *ap)
{
	struct spec hex = *spec;
	hex.conv = 'x';
	emit_integer(out, &hex, "0x", 2, (uintptr_t)va_arg(*ap, void *));
}

static void
format_text(const struct sink *out, const struct spec *spec, const char *s)
{
	/* bounded: with a precision, s need not be terminated (C11 7.21.6.1) */
	size_t len = str_len_bounded(s, spec->has_precision ? spec->precision : SIZE_MAX);
	pad_before(out, spec, len);
	emit(out, s, len);
	pad_after(out, spec, len);
}

/* false if the conversion is unknown or not supported */
static bool
format_conversion(const struct sink *out, const struct spec *spec, va_list *ap)
{
	const char *s;
	char c;

	switch (spec->conv) {
	case 'd':
	case 'i':
	case 'u':
	case 'x':
	case 'X':
		format_integer(out, spec, ap);
		return true;
	}
	if (spec->length != LENGTH_INT)
		return false; /* %lc, %ls and the like take wide characters */
	switch (spec->conv) {
	case 'c':
		c = (char)va_arg(*ap, int);
		pad_before(out, spec, 1);
		emit(out, &c, 1);
		pad_after(out, spec, 1);
		return true;
	case 's':
		s = va_arg(*ap, const char *);
		format_text(out, spec, s ? s : "(null)");
		return true;
	case 'p':
		format_pointer(out, spec, ap);
		return true;
	case '%':
		emit(out, "%", 1);
		return true;
	default:
		return false;
	}
}

void
format_to(format_out_fn fn, void *ctx, const char *fmt, va_list ap)
{
	struct sink out = {fn, ctx};
	va_list args;

	if (!fmt)
		return; /* print nothing rather than fault on a forgotten format */
	/* a copy, because helpers need a pointer to it and ap may be an array */
	va_copy(args, ap);
	while (*fmt) {
		size_t run = 0;
		while (fmt[run] && fmt[run] != '%')
			run++;
		emit(&out, fmt, run);
		fmt += run;
		if (!*fmt)
			break;

		struct spec spec;
		const char *end = parse_spec(fmt + 1, &spec, &args);
		if (!format_conversion(&out, &spec, &args))
			emit(&out, fmt, (size_t)(end - fmt)); /* show the typo */
		fmt = end;
	}
	va_end(args);
}
