from sqlalchemy import create_engine

engine = create_engine("mysql+pymysql://reports:.TKX6MuuXx6mhlNpW_@mysql-reports.helios.internal/reports")
