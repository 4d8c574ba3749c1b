/* bcryptprimitives.dll for Wine 8.0, which lacks it: Rust >= 1.78 programs take their
 * random bytes (HashMap keys, tempfile names) from its ProcessPrng and do not start
 * without it (rust-lang/rust#121337). Only CI uses this, to run the Windows test
 * binaries under wine; Windows 10 and later ship the real DLL.
 *
 * x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>
#include <ntsecapi.h> /* RtlGenRandom, advapi32's SystemFunction036 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* RtlGenRandom takes a ULONG length: a larger request is served in pieces. */
    while (len > 0) {
        ULONG piece = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, piece))
            return FALSE;
        data += piece;
        len -= piece;
    }
    return TRUE;
}
