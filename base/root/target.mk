LIB   := session_args
SRC_C := session_args.c
LIBS  := arg_string log util
