LIB   := input_server
SRC_C := server.c session.c
LIBS  := root_component component signal ipc rpc util
