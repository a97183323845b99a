LIB   := bench_measure
SRC_C := measure.c boot_dir.c core_start.c
