FUZZ  := fuzz-arg_string
SRC_C := fuzz.c getters.c edits.c
LIBS  := arg_string
