TARGET := hello-server
SRC_C  := main.c
LIBS   := component arg_string xml
