CKSearch.rows("0",[
["thu-tuc/1-009001/","Thủ tục hành chính","1.009001","","Cấp giấy phép bưu chính nội tỉnh"],
["van-ban/2024/3-stttt-vp/","Công văn","3/STTTT-VP","08/01/2024","V/v hướng dẫn sử dụng chữ ký số chuyên dùng"],
["van-ban/2024/7-kh-stttt/","Kế hoạch","07/KH-STTTT","20/02/2024","Triển khai chuyển đổi số trong cơ quan năm 2024"]]);
