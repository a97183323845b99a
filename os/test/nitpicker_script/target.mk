TARGET := test-nitpicker_script
SRC_C  := main.c session.c script.c
LIBS   := root_component component signal ipc rpc config_root xml arg_string util
