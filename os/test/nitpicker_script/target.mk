TARGET := test-nitpicker_script
SRC_C  := main.c script.c
LIBS   := nit_stand_in root_component component signal ipc rpc config_root xml arg_string util
