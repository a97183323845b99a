# launchpad's model, window layout and hit tests: pure code, unit-tested
# (tests/unit/launchpad), shared by the component and its headless test
LIB   := launchpad_model
SRC_C := model.c layout.c
LIBS  := util
