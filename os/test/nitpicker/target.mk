TARGET := test-nitpicker_server
SRC_C  := main.c screen.c script.c steps.c modes.c
LIBS   := nit_stand_in root_component component thread lock signal ipc rpc arg_string log util
