TARGET := hello-server
SRC_C  := main.c
LIBS   := root_component component arg_string config_root xml
