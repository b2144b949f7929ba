module bhyt

go 1.19
