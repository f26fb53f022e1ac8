#pragma once

#include <string>
#include <string_view>

namespace modelgate {

// SHA-256 of `data` as 64 lower-case hex digits (OpenSSL's EVP, kept out of public headers).
std::string sha256Hex(std::string_view data);

// Incremental SHA-256 for data that arrives in pieces (model files).
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void update(std::string_view data);
    std::string finishHex(); // once; the object is spent afterwards

private:
    void *m_context; // EVP_MD_CTX*
};

} // namespace modelgate
