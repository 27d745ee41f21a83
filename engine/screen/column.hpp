// An index table that owns its elements or reads them in place from bytes that outlive it (the program's own snapshots).
#pragma once

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace sancheck::screen {

/// A read-only array for the screening index's tables. Built at run time it owns a vector;
/// read from a built-in snapshot it views the snapshot's bytes where they lie in the program,
/// so a start copies (and the kernel zero-fills) none of its ~1.6 MB. Reads cost what a
/// vector's do: one pointer and an offset. A table is changed only by assigning it a vector.
template <typename T>
class Column {
 public:
  Column() = default;
  // Implicit: a table is made by assigning it a vector.
  Column(std::vector<T> owned) : owned_(std::move(owned)) { Bind(); }
  /// Views `items` without copying them: they must outlive the column and every copy of it.
  static Column Borrow(std::span<const T> items) {
    Column c;
    c.data_ = items.data();
    c.size_ = items.size();
    return c;
  }

  Column(const Column& other) : owned_(other.owned_) {
    if (other.borrowed()) {
      data_ = other.data_;
      size_ = other.size_;
    } else {
      Bind();
    }
  }
  // A moved vector keeps its buffer, so the view stays on it.
  Column(Column&& other) noexcept
      : owned_(std::move(other.owned_)), data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  Column& operator=(Column other) noexcept {
    std::swap(owned_, other.owned_);
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    return *this;
  }

  const T* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return data_[i]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  const T& front() const { return data_[0]; }
  const T& back() const { return data_[size_ - 1]; }
  std::span<const T> span() const { return {data_, size_}; }
  /// A text table (names' encodings, terms) as text.
  operator std::string_view() const
    requires std::same_as<T, char>
  {
    return {data_, size_};
  }
  /// Whether the items are viewed in bytes the column does not own.
  bool borrowed() const { return size_ > 0 && owned_.empty(); }

  /// A copy changed by `change` (tests that damage a table).
  template <typename F>
  void Edit(F&& change) {
    std::vector<T> items(begin(), end());
    change(items);
    *this = Column(std::move(items));
  }

  friend bool operator==(const Column& a, const Column& b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

 private:
  void Bind() {
    data_ = owned_.data();
    size_ = owned_.size();
  }

  std::vector<T> owned_;
  const T* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace sancheck::screen
