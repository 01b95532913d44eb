// Debian's swiftlang 6.0.3 ships a libswiftObservation.so that calls
// swift::threading::fatal, which its libswiftCore.so does not export, so
// anything using @Observable fails to link on Linux. This gives the linker
// the same behaviour: print the message and abort. Linux test builds only;
// Apple platforms never compile this target.
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace swift {
namespace threading {
[[noreturn]] void fatal(const char *format, ...) {
  va_list args;
  va_start(args, format);
  std::vfprintf(stderr, format, args);
  va_end(args);
  std::abort();
}
} // namespace threading
} // namespace swift
