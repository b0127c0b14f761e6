from sqlalchemy import create_engine

engine = create_engine("mysql+pymysql://reports:%TKX6MuuXx6mhlNpW%@mysql-reports.helios.internal/reports")
