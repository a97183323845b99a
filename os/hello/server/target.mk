TARGET := hello-server
SRC_C  := main.c
LIBS   := session_args component arg_string config_root xml
