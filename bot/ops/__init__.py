"""Operations: metrics, health endpoint, backups."""
