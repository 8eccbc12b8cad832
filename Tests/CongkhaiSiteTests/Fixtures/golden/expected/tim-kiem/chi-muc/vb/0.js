CKSearch.rows(0,[
["van-ban/2024/7-kh-stttt/","Kế hoạch","07/KH-STTTT","20/02/2024","Triển khai chuyển đổi số trong cơ quan năm 2024","5906a26e93a6c40e"],
["van-ban/2024/3-stttt-vp/","Công văn","3/STTTT-VP","08/01/2024","V/v hướng dẫn sử dụng chữ ký số chuyên dùng","8409967b0d783106"],
["thu-tuc/1-009001/","Thủ tục hành chính","1.009001","","Cấp giấy phép bưu chính nội tỉnh","67547f7332c81af0"]]);
