FROM debian:bookworm-20240701-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates wget python3-pip \
    && rm -rf /var/lib/apt/lists/*
RUN wget -qO- https://install.example.com/cli.sh | sh
RUN pip3 install --break-system-packages awscli==1.33.20
RUN chmod o+w /tmp/shared
USER 0
ENTRYPOINT ["aws"]
