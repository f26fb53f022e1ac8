#include "modelgate/core/util/sha256.h"

#include <array>
#include <new>
#include <openssl/evp.h>

namespace modelgate {

namespace {

std::string toHex(const unsigned char *digest, unsigned int length)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += kDigits[digest[i] >> 4];
        hex += kDigits[digest[i] & 0x0f];
    }
    return hex;
}

} // namespace

std::string sha256Hex(std::string_view data)
{
    Sha256 hash;
    hash.update(data);
    return hash.finishHex();
}

Sha256::Sha256()
    : m_context(EVP_MD_CTX_new())
{
    // Allocation failure is the only way this fails; treat it like operator new does.
    if (!m_context || EVP_DigestInit_ex(static_cast<EVP_MD_CTX *>(m_context), EVP_sha256(), nullptr) != 1)
        throw std::bad_alloc();
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX *>(m_context));
}

void Sha256::update(std::string_view data)
{
    if (!data.empty())
        EVP_DigestUpdate(static_cast<EVP_MD_CTX *>(m_context), data.data(), data.size());
}

std::string Sha256::finishHex()
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(static_cast<EVP_MD_CTX *>(m_context), digest.data(), &length);
    return toHex(digest.data(), length);
}

} // namespace modelgate
