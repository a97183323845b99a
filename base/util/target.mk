LIB   := util
SRC_C := status.c string.c number.c format.c format_string.c escape.c \
         rate_limit.c
