<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

/** @return list<array{code: int, name: string, desc: string}> librdkafka's error table */
function rd_kafka_get_err_descs(): array {}

function rd_kafka_err2name(int $err): ?string {}

function rd_kafka_err2str(int $err): ?string {}

/** @deprecated in librdkafka */
function rd_kafka_errno2err(int $errnox): int {}

function rd_kafka_errno(): int {}

/** The offset $cnt messages before the end of a partition. */
function rd_kafka_offset_tail(int $cnt): int {}

function rd_kafka_thread_cnt(): int {}
