LIB   := root_component
SRC_C := session.c budget.c request.c cap_index.c
LIBS  := session_args alloc ipc arg_string log util
