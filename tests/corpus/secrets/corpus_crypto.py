"""Deterministic, stdlib-only key material and password hashes for the secrets corpus.

Everything here is driven by a caller-supplied `random.Random`, so the corpus is byte-for-byte
reproducible. The keys are real (they parse with openssl / ssh-keygen and the public halves
match) but were generated from a fixed public seed: they protect nothing.
"""

import base64
import hashlib
import math
import struct

# --------------------------------------------------------------------------------------------
# DER
# --------------------------------------------------------------------------------------------


def _der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def der(tag, content):
    return bytes([tag]) + _der_len(len(content)) + content


def der_int(x):
    return der(0x02, x.to_bytes(x.bit_length() // 8 + 1, "big"))


def der_seq(*items):
    return der(0x30, b"".join(items))


def der_set(*items):
    return der(0x31, b"".join(items))


def der_oid(dotted):
    parts = [int(p) for p in dotted.split(".")]
    body = bytes([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.append(0x80 | (p & 0x7F))
            p >>= 7
        body += bytes(reversed(chunk))
    return der(0x06, body)


DER_NULL = b"\x05\x00"


def der_octets(b):
    return der(0x04, b)


def der_bits(b):
    return der(0x03, b"\x00" + b)


def pem(label, blob, width=64):
    body = base64.b64encode(blob).decode()
    lines = [f"-----BEGIN {label}-----"]
    lines += [body[i : i + width] for i in range(0, len(body), width)]
    lines.append(f"-----END {label}-----")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# RSA
# --------------------------------------------------------------------------------------------

_SMALL_PRIMES = [p for p in range(3, 2000) if all(p % d for d in range(2, int(p**0.5) + 1))]


def _probable_prime(n, rng):
    for p in _SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(20):
        a = rng.randrange(2, n - 2)
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(bits, rng):
    while True:
        c = rng.getrandbits(bits) | (3 << (bits - 2)) | 1
        if _probable_prime(c, rng):
            return c


class RsaKey:
    def __init__(self, rng, bits=2048):
        e = 65537
        while True:
            p, q = _prime(bits // 2, rng), _prime(bits // 2, rng)
            if p == q:
                continue
            if p < q:
                p, q = q, p
            lam = (p - 1) * (q - 1) // math.gcd(p - 1, q - 1)
            if math.gcd(e, lam) != 1:
                continue
            self.n, self.e, self.p, self.q = p * q, e, p, q
            self.d = pow(e, -1, lam)
            break
        self.bits = bits

    def pkcs1(self):
        return der_seq(
            der_int(0),
            der_int(self.n),
            der_int(self.e),
            der_int(self.d),
            der_int(self.p),
            der_int(self.q),
            der_int(self.d % (self.p - 1)),
            der_int(self.d % (self.q - 1)),
            der_int(pow(self.q, -1, self.p)),
        )

    def pkcs8(self):
        alg = der_seq(der_oid("1.2.840.113549.1.1.1"), DER_NULL)
        return der_seq(der_int(0), alg, der_octets(self.pkcs1()))

    def spki(self):
        alg = der_seq(der_oid("1.2.840.113549.1.1.1"), DER_NULL)
        return der_seq(alg, der_bits(der_seq(der_int(self.n), der_int(self.e))))

    def pkcs1_public(self):
        return der_seq(der_int(self.n), der_int(self.e))

    def sign_sha256(self, msg):
        k = (self.n.bit_length() + 7) // 8
        digest_info = bytes.fromhex("3031300d060960864801650304020105000420")
        t = digest_info + hashlib.sha256(msg).digest()
        em = b"\x00\x01" + b"\xff" * (k - 3 - len(t)) + b"\x00" + t
        return pow(int.from_bytes(em, "big"), self.d, self.n).to_bytes(k, "big")

    def openssh_private(self, rng, comment):
        pub = _sshstr(b"ssh-rsa") + _mpint(self.e) + _mpint(self.n)
        priv = (
            _sshstr(b"ssh-rsa")
            + _mpint(self.n)
            + _mpint(self.e)
            + _mpint(self.d)
            + _mpint(pow(self.q, -1, self.p))
            + _mpint(self.p)
            + _mpint(self.q)
        )
        return _openssh_container(rng, pub, priv, comment)

    def openssh_public(self, comment):
        blob = _sshstr(b"ssh-rsa") + _mpint(self.e) + _mpint(self.n)
        return f"ssh-rsa {base64.b64encode(blob).decode()} {comment}"


def self_signed_cert(key, rng, common_name, not_before="250101000000Z", not_after="350101000000Z"):
    """A minimal X.509 v3 certificate (no extensions), signed sha256WithRSA by `key`."""
    sig_alg = der_seq(der_oid("1.2.840.113549.1.1.11"), DER_NULL)
    name = der_seq(der_set(der_seq(der_oid("2.5.4.3"), der(0x0C, common_name.encode()))))
    tbs = der_seq(
        der(0xA0, der_int(2)),
        der_int(rng.getrandbits(63) | (1 << 62)),
        sig_alg,
        name,
        der_seq(der(0x17, not_before.encode()), der(0x17, not_after.encode())),
        name,
        key.spki(),
    )
    return der_seq(tbs, sig_alg, der_bits(key.sign_sha256(tbs)))


# --------------------------------------------------------------------------------------------
# EC P-256
# --------------------------------------------------------------------------------------------

_P = 0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF
_A = _P - 3
_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
_G = (
    0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
    0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
)


def _ec_add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0]:
        if (a[1] + b[1]) % _P == 0:
            return None
        lam = (3 * a[0] * a[0] + _A) * pow(2 * a[1], -1, _P) % _P
    else:
        lam = (b[1] - a[1]) * pow(b[0] - a[0], -1, _P) % _P
    x = (lam * lam - a[0] - b[0]) % _P
    return (x, (lam * (a[0] - x) - a[1]) % _P)


def _ec_mul(k, point):
    acc = None
    while k:
        if k & 1:
            acc = _ec_add(acc, point)
        point = _ec_add(point, point)
        k >>= 1
    return acc


class EcKey:
    OID_CURVE = "1.2.840.10045.3.1.7"

    def __init__(self, rng):
        self.d = rng.randrange(1, _N)
        x, y = _ec_mul(self.d, _G)
        self.pub = b"\x04" + x.to_bytes(32, "big") + y.to_bytes(32, "big")

    def sec1(self, with_params=True):
        items = [der_int(1), der_octets(self.d.to_bytes(32, "big"))]
        if with_params:
            items.append(der(0xA0, der_oid(self.OID_CURVE)))
        items.append(der(0xA1, der_bits(self.pub)))
        return der_seq(*items)

    def pkcs8(self):
        alg = der_seq(der_oid("1.2.840.10045.2.1"), der_oid(self.OID_CURVE))
        return der_seq(der_int(0), alg, der_octets(self.sec1(with_params=False)))

    def spki(self):
        alg = der_seq(der_oid("1.2.840.10045.2.1"), der_oid(self.OID_CURVE))
        return der_seq(alg, der_bits(self.pub))


# --------------------------------------------------------------------------------------------
# Ed25519 / OpenSSH
# --------------------------------------------------------------------------------------------

_Q = 2**255 - 19
_D = -121665 * pow(121666, -1, _Q) % _Q
_I = pow(2, (_Q - 1) // 4, _Q)


def _xrecover(y):
    xx = (y * y - 1) * pow(_D * y * y + 1, -1, _Q)
    x = pow(xx, (_Q + 3) // 8, _Q)
    if (x * x - xx) % _Q:
        x = x * _I % _Q
    return _Q - x if x % 2 else x


_BY = 4 * pow(5, -1, _Q) % _Q
_B = (_xrecover(_BY), _BY)


def _ed_add(p, q):
    x1, y1 = p
    x2, y2 = q
    t = _D * x1 * x2 * y1 * y2
    x3 = (x1 * y2 + x2 * y1) * pow(1 + t, -1, _Q)
    y3 = (y1 * y2 + x1 * x2) * pow(1 - t, -1, _Q)
    return (x3 % _Q, y3 % _Q)


def _ed_mul(k, p):
    acc = (0, 1)
    while k:
        if k & 1:
            acc = _ed_add(acc, p)
        p = _ed_add(p, p)
        k >>= 1
    return acc


def _sshstr(b):
    return struct.pack(">I", len(b)) + b


def _mpint(x):
    return _sshstr(x.to_bytes(x.bit_length() // 8 + 1, "big") if x else b"")


def _openssh_container(rng, pub_blob, priv_body, comment):
    check = rng.getrandbits(32)
    priv = struct.pack(">II", check, check) + priv_body + _sshstr(comment.encode())
    i = 1
    while len(priv) % 8:
        priv += bytes([i])
        i += 1
    blob = (
        b"openssh-key-v1\x00"
        + _sshstr(b"none")
        + _sshstr(b"none")
        + _sshstr(b"")
        + struct.pack(">I", 1)
        + _sshstr(pub_blob)
        + _sshstr(priv)
    )
    return pem("OPENSSH PRIVATE KEY", blob, width=70)


class Ed25519Key:
    def __init__(self, rng):
        self.seed = bytes(rng.getrandbits(8) for _ in range(32))
        h = hashlib.sha512(self.seed).digest()
        a = int.from_bytes(h[:32], "little")
        a &= (1 << 254) - 8
        a |= 1 << 254
        x, y = _ed_mul(a, _B)
        self.pk = (y | ((x & 1) << 255)).to_bytes(32, "little")

    def openssh_private(self, rng, comment):
        pub = _sshstr(b"ssh-ed25519") + _sshstr(self.pk)
        priv = _sshstr(b"ssh-ed25519") + _sshstr(self.pk) + _sshstr(self.seed + self.pk)
        return _openssh_container(rng, pub, priv, comment)

    def openssh_public(self, comment):
        blob = _sshstr(b"ssh-ed25519") + _sshstr(self.pk)
        return f"ssh-ed25519 {base64.b64encode(blob).decode()} {comment}"


# --------------------------------------------------------------------------------------------
# crypt(3)-style password hashes
# --------------------------------------------------------------------------------------------

_ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _b64_24(b2, b1, b0, n):
    w = (b2 << 16) | (b1 << 8) | b0
    out = ""
    for _ in range(n):
        out += _ITOA64[w & 0x3F]
        w >>= 6
    return out


def sha512_crypt(password, salt):
    """glibc `$6$` (SHA-512 crypt), default 5000 rounds."""
    pw, salt_b = password.encode(), salt.encode()[:16]
    b = hashlib.sha512(pw + salt_b + pw).digest()
    a = hashlib.sha512(pw + salt_b)
    n = len(pw)
    while n > 64:
        a.update(b)
        n -= 64
    a.update(b[:n])
    n = len(pw)
    while n:
        a.update(b if n & 1 else pw)
        n >>= 1
    c = a.digest()
    dp = hashlib.sha512(pw * len(pw)).digest()
    p = (dp * (len(pw) // 64 + 1))[: len(pw)]
    ds = hashlib.sha512(salt_b * (16 + c[0])).digest()
    s = (ds * (len(salt_b) // 64 + 1))[: len(salt_b)]
    for i in range(5000):
        h = hashlib.sha512()
        h.update(p if i & 1 else c)
        if i % 3:
            h.update(s)
        if i % 7:
            h.update(p)
        h.update(c if i & 1 else p)
        c = h.digest()
    order = [
        (0, 21, 42), (22, 43, 1), (44, 2, 23), (3, 24, 45), (25, 46, 4), (47, 5, 26),
        (6, 27, 48), (28, 49, 7), (50, 8, 29), (9, 30, 51), (31, 52, 10), (53, 11, 32),
        (12, 33, 54), (34, 55, 13), (56, 14, 35), (15, 36, 57), (37, 58, 16), (59, 17, 38),
        (18, 39, 60), (40, 61, 19), (62, 20, 41),
    ]  # fmt: skip
    out = "".join(_b64_24(c[x], c[y], c[z], 4) for x, y, z in order)
    out += _b64_24(0, 0, c[63], 2)
    return f"$6${salt_b.decode()}${out}"


def md5_crypt(password, salt, magic="$apr1$"):
    """Apache `$apr1$` (or `$1$` md5crypt with magic='$1$')."""
    pw, salt_b, mg = password.encode(), salt.encode()[:8], magic.encode()
    ctx = hashlib.md5(pw + mg + salt_b)
    final = hashlib.md5(pw + salt_b + pw).digest()
    pl = len(pw)
    while pl > 0:
        ctx.update(final[: min(pl, 16)])
        pl -= 16
    i = len(pw)
    while i:
        ctx.update(b"\x00" if i & 1 else pw[:1])
        i >>= 1
    final = ctx.digest()
    for i in range(1000):
        h = hashlib.md5()
        h.update(pw if i & 1 else final)
        if i % 3:
            h.update(salt_b)
        if i % 7:
            h.update(pw)
        h.update(final if i & 1 else pw)
        final = h.digest()
    f = final
    out = "".join(
        _b64_24(f[a], f[b], f[c], 4) for a, b, c in [(0, 6, 12), (1, 7, 13), (2, 8, 14), (3, 9, 15), (4, 10, 5)]
    )
    out += _b64_24(0, 0, f[11], 2)
    return f"{magic}{salt_b.decode()}${out}"


_BCRYPT64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_STD64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def bcrypt_like(rng, variant="2b", cost=12):
    """A format-valid bcrypt string (16-byte salt, 23-byte digest in bcrypt's base64).

    The stdlib has no Blowfish, so the digest bytes are random rather than computed: the value
    is structurally identical to a real hash but matches no password.
    """
    table = str.maketrans(_STD64, _BCRYPT64)

    def enc(nbytes):
        raw = bytes(rng.getrandbits(8) for _ in range(nbytes))
        return base64.b64encode(raw).decode().rstrip("=").translate(table)

    return f"${variant}${cost:02d}${enc(16)}{enc(23)}"
