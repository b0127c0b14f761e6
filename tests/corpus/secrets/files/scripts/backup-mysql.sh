#!/usr/bin/env bash
set -e
NOW=$(date +%F)
mysqldump -h mysql-reports.helios.internal -u backup -p'^D_QHlXT4Vazr8p7' --all-databases > /backup/$NOW.sql
