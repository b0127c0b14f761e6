# syntax=docker/dockerfile:1.7
FROM alpine:3.20.1@sha256:f98abfa1c1b7105ff57b533f6c2fed8b70efa6e417f89dc4028d4773040f09a2

ARG TINI_VERSION=0.19.0
RUN apk add --no-cache ca-certificates python3 py3-pip \
    && addgroup -S -g 10001 worker \
    && adduser -S -u 10001 -G worker -h /srv/worker worker

ADD --checksum=sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c \
    https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /sbin/tini
RUN chmod 0755 /sbin/tini

WORKDIR /srv/worker
COPY --chown=worker:worker requirements.txt .
RUN --mount=type=secret,id=pip_index_token,env=PIP_INDEX_TOKEN \
    python3 -m pip install --no-cache-dir --break-system-packages \
      --index-url "https://ci:${PIP_INDEX_TOKEN}@pypi.internal.example/simple" -r requirements.txt
COPY --chown=worker:worker worker/ ./worker/

USER worker
HEALTHCHECK --interval=1m --timeout=10s CMD ["python3", "-m", "worker.health"]
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["python3", "-m", "worker"]
