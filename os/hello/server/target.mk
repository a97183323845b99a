TARGET := hello-server
SRC_C  := main.c
LIBS   := session_args component arg_string xml
