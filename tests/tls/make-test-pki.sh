#!/bin/sh
# Makes a throw-away TEST PKI in DIR for the HTTPS tests (never a real trust anchor: every key is made fresh, at
# test time, and lives in the test's temporary directory). Needs the `openssl` command (Debian package openssl).
#   ca.pem ca.key                     TaskWatch Test CA, valid 100 years
#   localhost.pem localhost.key       for 127.0.0.1, ::1 and localhost, signed by the CA, valid until 2125
#   otherhost.pem otherhost.key       for other.example.invalid only, signed by the CA, valid until 2125
#   expired.pem expired.key           for 127.0.0.1 and localhost, signed by the CA, valid 2020-01-01..2021-01-01
#   selfsigned.pem selfsigned.key     for 127.0.0.1 and localhost, self-signed (not chained to the CA)
set -eu
dir=${1:?usage: make-test-pki.sh DIR}
cd "$dir"
mkdir -p newcerts
: >index.txt
echo 1000 >serial
cat >pki.cnf <<'CNF'
[ca]
default_ca = testca
[testca]
dir = .
database = index.txt
new_certs_dir = newcerts
serial = serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[anything]
commonName = supplied
[req]
distinguished_name = dn
prompt = no
[dn]
CN = TaskWatch test
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[leaf_loopback]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, IP:::1, DNS:localhost
[leaf_otherhost]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:other.example.invalid
CNF

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

key ca.key
openssl req -config pki.cnf -x509 -new -key ca.key -subj "/CN=TaskWatch Test CA (test data only)" \
    -extensions v3_ca -days 36500 -out ca.pem

leaf() { # name extensions startdate enddate
    key "$1.key"
    openssl req -config pki.cnf -new -key "$1.key" -subj "/CN=$1 (TaskWatch test data)" -out "$1.csr"
    openssl ca -config pki.cnf -batch -notext -cert ca.pem -keyfile ca.key -in "$1.csr" -out "$1.pem" \
        -extensions "$2" -startdate "$3" -enddate "$4" 2>/dev/null
}
leaf localhost leaf_loopback 20200101000000Z 21250101000000Z
leaf otherhost leaf_otherhost 20200101000000Z 21250101000000Z
leaf expired leaf_loopback 20200101000000Z 20210101000000Z

key selfsigned.key
openssl req -config pki.cnf -x509 -new -key selfsigned.key -subj "/CN=127.0.0.1 (self-signed TaskWatch test data)" \
    -extensions leaf_loopback -days 36500 -out selfsigned.pem
