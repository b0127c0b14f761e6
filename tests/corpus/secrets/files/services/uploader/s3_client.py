"""Thin wrapper around boto3 for the upload service."""
import logging

import boto3

log = logging.getLogger(__name__)


def client(region="eu-west-1"):
    return boto3.client(
        "s3",
        region_name=region,
        aws_access_key_id="AKIAGYZXFFTC5OYSK2WQ",
        aws_secret_access_key="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",
    )


def upload(path, bucket, key):
    log.info("uploading %s to s3://%s/%s", path, bucket, key)
    client().upload_file(path, bucket, key)
