// Replay main for fuzz targets built without libFuzzer: runs every corpus file, then truncated and
// byte-flipped variants of it, through LLVMFuzzerTestOneInput (ctest runs this on every build).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

void Run(const std::string& bytes) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

// Deterministic variants: cut at a few points (unterminated quotes, half a map, ...) and flip
// bytes with a fixed linear congruential sequence, so a failure reproduces exactly.
size_t RunVariants(const std::string& bytes) {
  size_t runs = 0;
  for (size_t cut : {bytes.size() / 3, bytes.size() / 2, bytes.size() * 2 / 3, bytes.size() - 1}) {
    if (cut < bytes.size()) {
      Run(bytes.substr(0, cut));
      ++runs;
    }
  }
  uint32_t state = 12345;
  for (int round = 0; round < 16 && !bytes.empty(); ++round) {
    std::string mutated = bytes;
    for (int k = 0; k < 3; ++k) {
      state = state * 1103515245u + 12345u;
      const size_t at = state % mutated.size();
      static constexpr char kBytes[] = {'\0', '"', '\'', '[', ']', '{', '}', ':', '-', '\n', '#', '&', '*', '(', ')'};
      mutated[at] = kBytes[(state >> 16) % sizeof kBytes];
    }
    Run(mutated);
    ++runs;
  }
  return runs;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  size_t runs = 0;
  for (int i = 1; i < argc; ++i) {
    std::vector<fs::path> files;
    if (fs::is_directory(argv[i])) {
      for (const auto& e : fs::recursive_directory_iterator(argv[i])) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else {
      files.emplace_back(argv[i]);
    }
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        std::cerr << "fuzz replay: cannot read " << f << "\n";
        return 2;
      }
      std::stringstream s;
      s << in.rdbuf();
      Run(s.str());
      runs += 1 + RunVariants(s.str());
    }
  }
  std::cout << "fuzz replay: " << runs << " inputs\n";
  return runs > 0 ? 0 : 2;
}
