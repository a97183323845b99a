UNIT_TEST := test-init_config
SRC_C     := main.c errors.c warnings.c routing.c routing_label.c host_access.c lists.c common.c
LIBS      := init_config harness
