"""Sample payloads used by the encoding round-trip benchmarks."""

PAYLOAD_0 = "yPE/aqe2sP0UNU7Tl3TGwi3Z3ZVEgoUN6UfSug5dPETwJ2jL5+zwA9RpEgU++zv7"
PAYLOAD_1 = "MC6B/yHNOrfeRF1D1puomMLFBmpMqA8n5vpgFe++FTwI+L6ovT5r7ZgLldWfT5ko"
PAYLOAD_2 = "a0OwZKdxjJLbv3lraES7fDfg9G32g1IWp9QDdnUeJ2lLkPNZzXeEFYdvhjeU+UTA"
PAYLOAD_3 = "6UKtEtlt/Xc07AuoU7yLLv3UM/oTvFEGOyzWaUYHqbn+o8FJE6s5f1jiObn+FsaM"
WELCOME_B64 = "V2VsY29tZSB0byBIZWxpb3MhIFlvdXIgd29ya3NwYWNlIGlzIHJlYWR5Lg=="
