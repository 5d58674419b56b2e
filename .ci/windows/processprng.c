/* Test setup only, never shipped: Wine 8 has no ProcessPrng in bcryptprimitives.dll, which
 * Rust's standard library calls for random bytes on Windows 10 and later (where Windows has
 * it). Built beside leakaid.exe for the Wine smoke test, this stand-in gives the same bytes
 * through BCryptGenRandom, which Wine has. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
