# http_srv: a web server on lwIP's netconn API, its address by DHCP (or
# static) over a NIC session (doc/net.md, run/lwip.run)
TARGET := http_srv
SRC_C  := main.c request.c
LIBS   := lwip_nic lwip config_root xml component thread log util
