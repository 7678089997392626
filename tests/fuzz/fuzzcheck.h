#pragma once

#include <cstdio>
#include <cstdlib>

// A property every input must keep; a broken one aborts, which libFuzzer reports with the input.
inline void fuzzCheck(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz: property broken: %s\n", what);
        std::abort();
    }
}
